import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EncryptedSpill } from '../encrypted-spill.ts';

describe('EncryptedSpill', () => {
  const parents: string[] = [];
  const parent = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spill-test-'));
    parents.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of parents.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  const read = async <T>(spill: EncryptedSpill<T>) => {
    const out: T[] = [];
    for await (const value of spill.values()) out.push(value);
    return out;
  };

  it('gives back every value in order, across many flushes, with Chinese text and line breaks intact', async () => {
    const spill = await EncryptedSpill.create<{ n: number; name: string; id: string }>(parent());
    const values = Array.from({ length: 30_000 }, (_, n) => ({ n, name: `张三丰${n}\n第二行`, id: `51010720040315${String(n % 10_000).padStart(4, '0')}` }));
    for (const value of values) await spill.append(value);
    await spill.finish();
    expect(spill.count).toBe(values.length);
    expect(await read(spill)).toEqual(values);
    // Read twice: the phase that consumes it may need a second pass.
    expect((await read(spill)).length).toBe(values.length);
    await spill.dispose();
  });

  it('keeps nothing readable on disk and removes the file on dispose', async () => {
    const dir = parent();
    const spill = await EncryptedSpill.create<string>(dir);
    for (let i = 0; i < 1000; i++) await spill.append(`510107200403151234-${i}`);
    await spill.finish();
    const [spillDir] = fs.readdirSync(dir);
    const file = path.join(dir, spillDir!, 'spill');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(bytes.toString('latin1')).not.toContain('510107200403151234');
    await spill.dispose();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a file changed on disk', async () => {
    const dir = parent();
    const spill = await EncryptedSpill.create<number>(dir);
    for (let i = 0; i < 100; i++) await spill.append(i);
    await spill.finish();
    const file = path.join(dir, fs.readdirSync(dir)[0]!, 'spill');
    const bytes = fs.readFileSync(file);
    bytes[10] = bytes[10]! ^ 1;
    fs.writeFileSync(file, bytes);
    await expect(read(spill)).rejects.toThrow();
    await spill.dispose();
  });
});
