import { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { FileStorage } from './file-storage.ts';
import { ZipRefused, type ZipEntry } from './zip-directory.ts';

/** An entry with the offset where its compressed bytes start (after its local header). */
export type LocatedEntry = ZipEntry & { dataStart: number };

const LOCAL_HEADER = 0x04034b50;
const FLAG_DATA_DESCRIPTOR = 0x08;

/** Read the entry's local header to find where its data starts. */
export async function locateEntry(storage: FileStorage, key: string, entry: ZipEntry, directoryOffset: number): Promise<LocatedEntry> {
  const header = await storage.readBytes(key, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipRefused('corrupt', `no local header for ${entry.name}`);
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (dataStart + entry.compressedSize > directoryOffset) throw new ZipRefused('corrupt', `entry ${entry.name} runs into the directory`);
  return { ...entry, dataStart };
}

/**
 * The entry's content, inflated, but never more than the directory declared: the stream fails
 * the moment an entry inflates past its declared size (an archive that lies about its sizes
 * to get past the directory check), and at the end when the size or CRC-32 differ.
 */
export function inflateEntry(storage: FileStorage, key: string, entry: LocatedEntry): Readable {
  const raw = entry.compressedSize === 0 ? Readable.from([]) : storage.read(key, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1 });
  let produced = 0;
  let crc = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        callback(new ZipRefused('size_mismatch', `${entry.name} inflates past its declared ${entry.uncompressedSize} bytes`));
        return;
      }
      crc = zlib.crc32(chunk, crc);
      callback(null, chunk);
    },
    flush(callback) {
      if (produced !== entry.uncompressedSize) callback(new ZipRefused('size_mismatch', `${entry.name} inflates to ${produced}, not ${entry.uncompressedSize} bytes`));
      else if ((crc >>> 0) !== entry.crc32) callback(new ZipRefused('corrupt', `${entry.name} fails its CRC-32`));
      else callback();
    },
  });
  const source = entry.method === 8 ? raw.pipe(zlib.createInflateRaw()) : raw;
  const fail = (error: Error) => guard.destroy(error instanceof ZipRefused ? error : new ZipRefused('corrupt', `${entry.name}: ${error.message}`));
  raw.on('error', fail);
  source.on('error', fail);
  guard.on('close', () => raw.destroy());
  return source.pipe(guard);
}

/**
 * An end-of-central-directory record for zero entries, then 8 spare bytes. unzipper (inside exceljs)
 * ends cleanly only on an end record, and fails with FILE_ENDED when the input has ended and what
 * remains is exactly what it asks for; the spare bytes, never read, keep it from that edge.
 */
const END_OF_STREAM = (() => {
  const end = Buffer.alloc(22 + 8);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
})();

/** A part for canonicalZip: an entry of the stored archive under a chosen name, or literal content. */
export type ZipPart = { name: string; entry: LocatedEntry } | { name: string; content: string };

/**
 * A new archive stream holding exactly `parts`, in this order, each with a fresh local header that
 * carries its sizes (no data descriptors). A streaming unzipper reads local headers one after the
 * other and trusts them; feeding it this stream instead of the upload means it sees only the
 * entries that were checked, with the sizes that were checked, whatever else the upload hides
 * between or inside its entries. No central directory follows, only an empty end record.
 */
export function canonicalZip(storage: FileStorage, key: string, parts: readonly ZipPart[]): Readable {
  return Readable.from(
    (async function* () {
      for (const part of parts) {
        const name = Buffer.from(part.name, 'utf8');
        if ('content' in part) {
          const body = Buffer.from(part.content, 'utf8');
          yield localHeader(name, { flags: 0x800, method: 0, dosTime: 0, dosDate: 0x21, crc32: zlib.crc32(body) >>> 0, compressedSize: body.length, uncompressedSize: body.length });
          yield body;
          continue;
        }
        const { entry } = part;
        yield localHeader(name, { ...entry, flags: (entry.flags & ~FLAG_DATA_DESCRIPTOR) | 0x800 });
        if (entry.compressedSize > 0) yield* storage.read(key, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1 });
      }
      yield END_OF_STREAM;
    })(),
    { objectMode: false },
  );
}

function localHeader(name: Buffer, e: Pick<ZipEntry, 'flags' | 'method' | 'dosTime' | 'dosDate' | 'crc32' | 'compressedSize' | 'uncompressedSize'>): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(e.flags, 6);
  header.writeUInt16LE(e.method, 8);
  header.writeUInt16LE(e.dosTime, 10);
  header.writeUInt16LE(e.dosDate, 12);
  header.writeUInt32LE(e.crc32, 14);
  header.writeUInt32LE(e.compressedSize, 18);
  header.writeUInt32LE(e.uncompressedSize, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}
