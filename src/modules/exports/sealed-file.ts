import crypto from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { FileStorage } from '../../platform/files/file-storage.ts';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A fresh key for one sealed file (AES-256-GCM, like the import's encrypted spill). */
export function newContentKey(): Buffer {
  return crypto.randomBytes(32);
}

/**
 * Encrypt a stream for storage as [IV | ciphertext | tag], so that a temporary file holding
 * personal numbers is unreadable at rest without its key (DOMAIN §12 DB-14, DB-16).
 */
export function sealStream(source: Readable, key: Buffer): Readable {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  let started = false;
  const sealed = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!started) {
        started = true;
        this.push(iv);
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback) {
      if (!started) this.push(iv);
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
  source.on('error', (error) => sealed.destroy(error));
  return source.pipe(sealed);
}

/** The plain bytes of a sealed file; a file altered in storage fails at its end. */
export async function openSealed(storage: FileStorage, fileKey: string, key: Buffer): Promise<Readable> {
  const size = await storage.size(fileKey);
  if (size === null || size < IV_BYTES + TAG_BYTES) throw new Error('sealed file missing or truncated');
  const iv = await storage.readBytes(fileKey, 0, IV_BYTES);
  const tag = await storage.readBytes(fileKey, size - TAG_BYTES, TAG_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  if (size === IV_BYTES + TAG_BYTES) {
    decipher.end();
    return decipher;
  }
  const body = storage.read(fileKey, { start: IV_BYTES, end: size - TAG_BYTES - 1 });
  body.on('error', (error) => decipher.destroy(error));
  return body.pipe(decipher);
}
