/**
 * exceljs 4.4.0's streaming reader decodes each inflated chunk of a sheet on its own
 * (lib/utils/parse-sax.js), so a UTF-8 character split across two chunks turns into two U+FFFD:
 * a few Chinese names per 10,000 rows arrive garbled (exceljs issues #2063, #2084, #2316; no
 * released fix). This module feeds exceljs's own parser through one streaming TextDecoder per
 * part, which carries an incomplete character over to the next chunk. It must run before
 * exceljs's readers are loaded, so product code imports exceljs only through ./exceljs.ts.
 */
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';

type ParseSax = (iterable: AsyncIterable<unknown>) => AsyncGenerator<unknown>;

const require = createRequire(import.meta.url);
const parseSaxFile = require.resolve('exceljs/lib/utils/parse-sax.js');
const readers = ['stream/xlsx/workbook-reader.js', 'stream/xlsx/worksheet-reader.js', 'stream/xlsx/hyperlink-reader.js', 'xlsx/xform/base-xform.js']
  .map((file) => parseSaxFile.replace(/utils[\\/]parse-sax\.js$/, file));

/** False when exceljs was loaded before this module, so the readers kept the unfixed parser. */
export const excelJsUtf8FixInstalled = !readers.some((file) => require.cache[file]);

const original = require(parseSaxFile) as ParseSax;
let enabled = true;

async function* decoded(iterable: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of iterable) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text !== '') yield text;
  }
  const tail = decoder.decode();
  if (tail !== '') yield tail;
}

function fixedParseSax(iterable: AsyncIterable<unknown>): AsyncGenerator<unknown> {
  if (!enabled) return original(iterable);
  // Like the original: a stream without async iteration is piped through one that has it.
  const old = iterable as { pipe?: (target: PassThrough) => PassThrough };
  const source = old.pipe && !(Symbol.asyncIterator in iterable) ? old.pipe(new PassThrough()) : iterable;
  return original(decoded(source));
}

require.cache[parseSaxFile]!.exports = fixedParseSax;

/** Turn the fix off and on again (tests use this to show what it prevents). */
export function setExcelJsUtf8Fix(on: boolean): void {
  enabled = on;
}
