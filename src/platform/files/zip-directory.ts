import type { FileStorage } from './file-storage.ts';

/**
 * Reads a ZIP archive's central directory (APPNOTE 6.3: end-of-central-directory record, then one
 * header per entry) without inflating anything, so an archive can be refused on what it declares
 * before any parser touches it. ZIP64, multi-disk and encrypted archives are refused: an upload
 * small enough to accept never needs them.
 */

/** One file of the archive as the central directory describes it. */
export type ZipEntry = {
  name: string;
  flags: number;
  /** 0 stored, 8 deflated; nothing else is accepted. */
  method: number;
  dosTime: number;
  dosDate: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type ZipLimits = { maxEntries: number; maxUncompressedBytes: number };

export type ZipProblem = 'not_a_zip' | 'too_many_entries' | 'too_large_uncompressed' | 'unsupported' | 'corrupt' | 'size_mismatch';

/** Why an archive was refused; `detail` is for logs, not for people. */
export class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem, detail: string, readonly figures: Record<string, number> = {}) {
    super(`${problem}: ${detail}`);
    this.name = 'ZipRefused';
  }
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x01;

/** The central directory of the stored archive at `key`, checked against `limits`. */
export async function readZipDirectory(storage: FileStorage, key: string, limits: ZipLimits): Promise<{ entries: ZipEntry[]; directoryOffset: number }> {
  const size = (await storage.size(key)) ?? 0;
  const head = await storage.readBytes(key, 0, 4);
  if (head.length < 4 || head.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipRefused('not_a_zip', 'no local file header at offset 0');

  const tailStart = Math.max(0, size - END_RECORD_SIZE - MAX_COMMENT);
  const tail = await storage.readBytes(key, tailStart, size - tailStart);
  const end = findEndRecord(tail);
  if (end < 0) throw new ZipRefused('not_a_zip', 'no end-of-central-directory record');
  const diskNumber = tail.readUInt16LE(end + 4);
  const directoryDisk = tail.readUInt16LE(end + 6);
  const entryCount = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (diskNumber !== 0 || directoryDisk !== 0) throw new ZipRefused('unsupported', 'multi-disk archive');
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw new ZipRefused('unsupported', 'ZIP64 archive');
  // Counted before the directory is even read: a million-entry archive costs nothing to refuse.
  if (entryCount > limits.maxEntries) throw new ZipRefused('too_many_entries', `${entryCount} entries`, { entries: entryCount, limit: limits.maxEntries });
  if (directoryOffset + directorySize > tailStart + end) throw new ZipRefused('corrupt', 'central directory overlaps its end record');

  const directory = await storage.readBytes(key, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let at = 0;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER) throw new ZipRefused('corrupt', `central header ${i} missing`);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      dosTime: directory.readUInt16LE(at + 12),
      dosDate: directory.readUInt16LE(at + 14),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    at += 46 + nameLength + extraLength + commentLength;
    if (at > directory.length) throw new ZipRefused('corrupt', `central header ${i} runs past the directory`);
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new ZipRefused('unsupported', 'ZIP64 entry');
    }
    if (entry.flags & FLAG_ENCRYPTED) throw new ZipRefused('unsupported', 'encrypted entry');
    if (entry.method !== 0 && entry.method !== 8) throw new ZipRefused('unsupported', `compression method ${entry.method}`);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw new ZipRefused('corrupt', 'stored entry with two sizes');
    if (entry.localHeaderOffset + 30 + entry.compressedSize > directoryOffset) throw new ZipRefused('corrupt', `entry ${entry.name} runs into the directory`);
    // Two entries of one name would let the checks see one part and a parser the other.
    if (names.has(entry.name)) throw new ZipRefused('corrupt', `duplicate entry ${entry.name}`);
    names.add(entry.name);
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxUncompressedBytes) {
      throw new ZipRefused('too_large_uncompressed', `declares more than ${limits.maxUncompressedBytes} bytes`, { limit: limits.maxUncompressedBytes });
    }
    entries.push(entry);
  }
  return { entries, directoryOffset };
}

/** Offset of the end record in `tail`: the last signature whose comment length reaches exactly to the end. */
function findEndRecord(tail: Buffer): number {
  for (let i = tail.length - END_RECORD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY && i + END_RECORD_SIZE + tail.readUInt16LE(i + 20) === tail.length) return i;
  }
  return -1;
}
