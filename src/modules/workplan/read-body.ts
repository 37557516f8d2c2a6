import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/app-error.ts';

function tooLarge(limit: number): AppError {
  const mb = Math.round(limit / 1024 / 1024);
  return new AppError('PAYLOAD_TOO_LARGE', { message: { zh: `文件超过${mb} MB`, en: `the file is larger than ${mb} MB` }, extra: { limitBytes: limit } });
}

// The bytes of each upload, kept beside the request: the route's body schema sees a marker string.
const uploads = new WeakMap<FastifyRequest, Buffer>();

/** The bytes the body parser read for this request. */
export function uploadedBytes(request: FastifyRequest): Buffer {
  const bytes = uploads.get(request);
  if (!bytes) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'body', code: 'empty', message: { zh: '请选择要上传的文件', en: 'choose a file to upload' } }] });
  return bytes;
}

/**
 * Body parser for uploads: reads the whole body, refused as soon as it passes `limit` (also when
 * the length header lies), and keeps the bytes for `uploadedBytes`.
 */
export async function readBody(request: FastifyRequest, payload: Readable, limit: number): Promise<string> {
  if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      payload.destroy();
      throw tooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  if (size === 0) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'body', code: 'empty', message: { zh: '请选择要上传的文件', en: 'choose a file to upload' } }] });
  uploads.set(request, Buffer.concat(chunks));
  return `${size} bytes`;
}
