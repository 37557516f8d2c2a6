import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkedFileKey, type FileStorage } from './file-storage.ts';

/**
 * FileStorage in a local directory (the default; one node, or several sharing a network mount).
 * The directory is created on first write, so an installation that never stores a file needs none.
 */
export class LocalFileStorage implements FileStorage {
  readonly #root: string;

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  async write(key: string, source: Readable): Promise<{ bytes: number }> {
    const target = this.#pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Written under a temporary name and renamed, so a reader never sees half a file.
    const partial = `${target}.${crypto.randomBytes(6).toString('hex')}.partial`;
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      // 0600: uploads hold personal data in clear; only the service account may read them.
      await pipeline(source, count, fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      await fs.promises.rename(partial, target);
    } catch (error) {
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
    return { bytes };
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    return fs.createReadStream(this.#pathOf(key), range ? { start: range.start, end: range.end } : {});
  }

  async readBytes(key: string, start: number, length: number): Promise<Buffer> {
    const handle = await fs.promises.open(this.#pathOf(key), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, start);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await fs.promises.stat(this.#pathOf(key))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.#pathOf(key), { force: true });
  }

  #pathOf(key: string): string {
    const resolved = path.resolve(this.#root, checkedFileKey(key));
    // Keys cannot contain '..' (checkedFileKey); this is the second lock on the same door.
    if (!resolved.startsWith(this.#root + path.sep)) throw new Error(`file key escapes the storage root: ${key}`);
    return resolved;
  }
}
