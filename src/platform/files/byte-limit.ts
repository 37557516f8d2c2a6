import { Transform } from 'node:stream';

/** Raised by byteLimit when a stream carries more than it may. */
export class ByteLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`stream exceeds ${limit} bytes`);
    this.name = 'ByteLimitExceeded';
  }
}

/**
 * A pass-through that fails as soon as more than `maxBytes` went through it. A request body
 * streamed to storage is cut off here, so an oversized upload never fills the disk.
 */
export function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new ByteLimitExceeded(maxBytes));
      else callback(null, chunk);
    },
  });
}
