import path from 'node:path/posix';
import type { Readable } from 'node:stream';
import type { FileStorage } from './file-storage.ts';
import { canonicalZip, inflateEntry, locateEntry, type LocatedEntry } from './zip-entries.ts';
import { readZipDirectory, ZipRefused, type ZipLimits } from './zip-directory.ts';

/**
 * An uploaded .xlsx, checked as a package before any spreadsheet parser reads it: a ZIP (by its
 * bytes, not its name) holding xl/workbook.xml, within the size and entry limits, whose parts
 * inflate to exactly what they declare. Only the parts a reader needs are ever inflated.
 */
export type XlsxPackage = {
  key: string;
  workbook: LocatedEntry;
  styles: LocatedEntry | null;
  sharedStrings: LocatedEntry | null;
  /** In workbook order. `rowTags` counts <row> elements, an upper bound of the rows with content. */
  sheets: { name: string; hidden: boolean; part: LocatedEntry; rowTags: number }[];
};

/** Small parts (workbook.xml and its relationships) are read whole; real ones are far below this. */
const MAX_METADATA_BYTES = 2 * 1024 * 1024;
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export async function openXlsxPackage(storage: FileStorage, key: string, limits: ZipLimits): Promise<XlsxPackage> {
  const { entries, directoryOffset } = await readZipDirectory(storage, key, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const locate = async (name: string) => {
    const entry = byName.get(name);
    return entry ? locateEntry(storage, key, entry, directoryOffset) : null;
  };

  const workbook = await locate('xl/workbook.xml');
  if (!workbook) throw new ZipRefused('not_a_zip', 'no xl/workbook.xml: not a spreadsheet package');
  const rels = await locate('xl/_rels/workbook.xml.rels');
  if (!rels) throw new ZipRefused('corrupt', 'no xl/_rels/workbook.xml.rels');
  const relations = parseRelationships(await readSmallPart(storage, key, rels));
  const partFor = async (target: string | undefined) => (target ? locate(resolveTarget(target)) : null);
  const byType = (type: string) => [...relations.values()].find((r) => r.type === REL_TYPE + type)?.target;

  const sheets: XlsxPackage['sheets'] = [];
  for (const sheet of parseSheets(await readSmallPart(storage, key, workbook))) {
    const part = await partFor(relations.get(sheet.relationId)?.target);
    if (!part) throw new ZipRefused('corrupt', `sheet ${sheet.name} has no part`);
    sheets.push({ ...sheet, part, rowTags: await countRowTags(storage, key, part) });
  }
  const styles = await partFor(byType('styles'));
  const sharedStrings = await partFor(byType('sharedStrings'));
  // Inflated once here, with the size guard, so that the parser later reads only verified bytes.
  for (const part of [styles, sharedStrings]) if (part) await drain(inflateEntry(storage, key, part));
  return { key, workbook, styles, sharedStrings, sheets };
}

/**
 * The package cut down to one sheet, as a fresh archive in the order a streaming reader needs
 * (workbook, relationships, styles, shared strings, then the sheet), under the standard part
 * names. Without this, exceljs buffers sheets that precede the shared strings (Excel's own
 * order) into temporary files, in clear.
 */
export function singleSheetStream(storage: FileStorage, pkg: XlsxPackage, sheetIndex: number): Readable {
  const sheet = pkg.sheets[sheetIndex];
  if (!sheet) throw new Error(`no sheet ${sheetIndex}`);
  const emptyRelationships = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const emptyStrings = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';
  return canonicalZip(storage, pkg.key, [
    { name: 'xl/workbook.xml', entry: pkg.workbook },
    { name: 'xl/_rels/workbook.xml.rels', content: emptyRelationships },
    ...(pkg.styles ? [{ name: 'xl/styles.xml', entry: pkg.styles }] : []),
    pkg.sharedStrings ? { name: 'xl/sharedStrings.xml', entry: pkg.sharedStrings } : { name: 'xl/sharedStrings.xml', content: emptyStrings },
    { name: 'xl/worksheets/sheet1.xml', entry: sheet.part },
  ]);
}

async function readSmallPart(storage: FileStorage, key: string, entry: LocatedEntry): Promise<string> {
  if (entry.uncompressedSize > MAX_METADATA_BYTES) throw new ZipRefused('corrupt', `${entry.name} is ${entry.uncompressedSize} bytes`);
  const chunks: Buffer[] = [];
  for await (const chunk of inflateEntry(storage, key, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function drain(stream: Readable): Promise<void> {
  for await (const _ of stream);
}

/**
 * Counts <row …> start tags while inflating the sheet (through the size guard). Text inside cells
 * is escaped (&lt;), so the pattern only meets real tags. A match is counted when its last
 * character arrives, so one split across two chunks is counted once.
 */
async function countRowTags(storage: FileStorage, key: string, entry: LocatedEntry): Promise<number> {
  const pattern = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
  let carry = '';
  let count = 0;
  for await (const chunk of inflateEntry(storage, key, entry)) {
    const text = carry + (chunk as Buffer).toString('latin1');
    for (const match of text.matchAll(pattern)) if (match.index + match[0].length > carry.length) count++;
    carry = text.slice(-64);
  }
  return count;
}

/** Relationship id → { type, target } of a .rels part. */
function parseRelationships(xml: string): Map<string, { type: string; target: string }> {
  const result = new Map<string, { type: string; target: string }>();
  for (const tag of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const attrs = attributesOf(tag[1]!);
    if (attrs.Id && attrs.Target && attrs.TargetMode !== 'External') result.set(attrs.Id, { type: attrs.Type ?? '', target: attrs.Target });
  }
  return result;
}

/** The <sheet> elements of workbook.xml: name, relationship id (r:id under any prefix) and visibility. */
function parseSheets(xml: string): { name: string; hidden: boolean; relationId: string }[] {
  const sheets: { name: string; hidden: boolean; relationId: string }[] = [];
  for (const tag of xml.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*)>/g)) {
    const attrs = attributesOf(tag[1]!);
    const relationId = Object.entries(attrs).find(([name]) => /(^|:)id$/.test(name) && name !== 'sheetId')?.[1];
    if (attrs.name && relationId) sheets.push({ name: attrs.name, hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden', relationId });
  }
  return sheets;
}

function attributesOf(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return attrs;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}

/** A relationship target of xl/workbook.xml as a part name: relative to xl/, or absolute from the root. */
function resolveTarget(target: string): string {
  return target.startsWith('/') ? target.slice(1) : path.normalize(path.join('xl', target));
}
