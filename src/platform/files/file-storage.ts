import crypto from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where uploaded and generated files live (DESIGN: a local directory by default, S3-compatible
 * object storage when several nodes share the work). Keys are always made by the server
 * (newFileKey), never from a client's file name (DOMAIN §12 AS-20), so no path can be smuggled in.
 * Every operation maps onto plain object-store calls: put, ranged get, head, delete.
 */
export type FileStorage = {
  /** Store the whole stream under `key`; the key appears only once everything was written. */
  write(key: string, source: Readable): Promise<{ bytes: number }>;
  /** The stored bytes, or the inclusive byte range [start, end]. */
  read(key: string, range?: { start: number; end: number }): Readable;
  /** `length` bytes from `start` (fewer at the end of the file). */
  readBytes(key: string, start: number, length: number): Promise<Buffer>;
  /** The size in bytes, or null when there is no such file. */
  size(key: string): Promise<number | null>;
  /** Remove the file; removing a missing file is not an error. */
  remove(key: string): Promise<void>;
};

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*\.[a-z0-9]{1,8}$/;

/** A fresh key such as `member-imports/2026-05/4f0c…e1.xlsx`: a folder per month keeps directories small. */
export function newFileKey(folder: string, extension: string, now = new Date()): string {
  return checkedFileKey(`${folder}/${now.toISOString().slice(0, 7)}/${crypto.randomUUID()}.${extension}`);
}

/** Refuse anything that is not a key this module would have made. */
export function checkedFileKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid file key: ${JSON.stringify(key)}`);
  return key;
}
