import zlib from 'node:zlib';

/**
 * Every XML part of an xlsx (a ZIP) as text, read from the central directory, so a test can
 * search the whole file (cells, headers and footers, document properties) for a pattern.
 */
export function xlsxText(file: Buffer): string {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip');
  const count = file.readUInt16LE(end + 10);
  let offset = file.readUInt32LE(end + 16);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const method = file.readUInt16LE(offset + 10);
    const compressed = file.readUInt32LE(offset + 20);
    const nameLength = file.readUInt16LE(offset + 28);
    const extraLength = file.readUInt16LE(offset + 30);
    const commentLength = file.readUInt16LE(offset + 32);
    const local = file.readUInt32LE(offset + 42);
    const localData = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const stored = file.subarray(localData, localData + compressed);
    parts.push((method === 8 ? zlib.inflateRawSync(stored) : stored).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return parts.join('\n');
}
