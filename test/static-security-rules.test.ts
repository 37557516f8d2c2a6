import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every source file under a directory, tests excluded: the product code the rules bind. */
function sources(dir: string, extensions: RegExp): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__tests__' && entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      } else if (extensions.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        out.push({ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

const offenders = (files: { file: string; text: string }[], pattern: RegExp) =>
  files.filter((f) => pattern.test(f.text)).map((f) => f.file);

/** Rules a code review would otherwise have to remember (DOMAIN §12 AS-02, AS-17, AS-18, AS-25). */
describe('static security rules', () => {
  const server = sources('src', /\.ts$/);
  const web = sources('web/src', /\.tsx?$/);

  it('reads the file tree it checks', () => {
    expect(server.length).toBeGreaterThan(100);
    expect(web.length).toBeGreaterThan(50);
  });

  it('never uses Math.random in the server: tokens, codes and salts come from the CSPRNG (AS-02)', () => {
    expect(offenders(server, /Math\.random\s*\(/)).toEqual([]);
  });

  it('never splices raw text into SQL (AS-17)', () => {
    expect(offenders(server, /sql\.raw\s*\(|sql\.lit\s*\(/)).toEqual([]);
  });

  it('never renders HTML from data in the web app (AS-18)', () => {
    expect(offenders(web, /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write\s*\(/)).toEqual([]);
  });

  it('keeps only the language choice and a reload flag in browser storage, nothing personal (AS-25)', () => {
    const usesStorage = offenders(web, /localStorage|sessionStorage|indexedDB/);
    expect(usesStorage.sort()).toEqual(['web/src/i18n/language.ts', 'web/src/modules/common/utils/lazy-page.ts']);
  });

  it('puts no ID number or phone number into a URL query (AS-25)', () => {
    expect(offenders(web, /[?&](idNumber|id_number|phone|mobile)=/)).toEqual([]);
  });
});
