import mammoth from 'mammoth';
import { PlanDocumentUnreadable } from './plan-document-unreadable.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File Binary: Word 97–2003 .doc (and .xls, .ppt). */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** PDF and images begin with ASCII or decodable bytes, so they are turned away by their signature. */
const BINARY_MAGICS = ['%PDF-', '\x89PNG', '\xff\xd8\xff', 'GIF8'].map((m) => Buffer.from(m, 'latin1'));
/** Text with more control characters than this share is a binary file that happened to decode. */
const MAX_CONTROL_SHARE = 0.01;

/** The text of an uploaded plan: .docx (recognized by content) through mammoth, otherwise UTF-8, UTF-16 with BOM or GB18030 text. */
export async function readPlanDocument(bytes: Buffer, fileName: string): Promise<string> {
  if (startsWith(bytes, ZIP_MAGIC)) return readDocx(bytes);
  if (startsWith(bytes, OLE_MAGIC)) throw new PlanDocumentUnreadable('legacy_doc');
  // A .docx that is not a zip is damaged or renamed; say so rather than show it as garbled text.
  if (/\.docx$/i.test(fileName)) throw new PlanDocumentUnreadable('not_docx');
  if (BINARY_MAGICS.some((magic) => startsWith(bytes, magic))) throw new PlanDocumentUnreadable('not_text');
  return decodeText(bytes);
}

async function readDocx(bytes: Buffer): Promise<string> {
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (cause) {
    // A zip without word/document.xml: an .xlsx, .pptx or an archive.
    throw new PlanDocumentUnreadable('not_docx', { cause });
  }
}

/** UTF-8 first; text saved by older Chinese Windows tools is GB18030 (GBK), which UTF-8 rejects. */
function decodeText(bytes: Buffer): string {
  let text: string;
  if (startsWith(bytes, Buffer.from([0xff, 0xfe]))) text = decode('utf-16le', bytes);
  else if (startsWith(bytes, Buffer.from([0xfe, 0xff]))) text = decode('utf-16be', bytes);
  else if (bytes.includes(0)) throw new PlanDocumentUnreadable('not_text');
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decode('gb18030', bytes);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  const controls = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  if (controls > text.length * MAX_CONTROL_SHARE) throw new PlanDocumentUnreadable('not_text');
  return text;
}

function decode(encoding: string, bytes: Buffer): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new PlanDocumentUnreadable('not_text', { cause });
  }
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}
