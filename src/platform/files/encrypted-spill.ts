import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Bytes of JSON gathered before one encrypted write: large enough to keep system calls rare. */
const FLUSH_BYTES = 1 << 20;

/**
 * A temporary, write-once-then-read list of JSON values on local disk, for work that must pass
 * over a large input twice without holding it in memory (the member import checks every row,
 * then inserts them). The file is AES-256-GCM encrypted under a key that exists only in this
 * object, so what lands on disk (resident IDs in clear, inside the values) is unreadable once the
 * process lets go of it, even if `dispose` never runs.
 */
export class EncryptedSpill<T> {
  readonly #dir: string;
  readonly #file: string;
  readonly #key = crypto.randomBytes(32);
  readonly #iv = crypto.randomBytes(12);
  readonly #cipher: crypto.CipherGCM;
  readonly #handle: fs.promises.FileHandle;
  #pending: string[] = [];
  #pendingBytes = 0;
  #tag: Buffer | null = null;
  #count = 0;

  private constructor(dir: string, handle: fs.promises.FileHandle) {
    this.#dir = dir;
    this.#file = path.join(dir, 'spill');
    this.#handle = handle;
    this.#cipher = crypto.createCipheriv('aes-256-gcm', this.#key, this.#iv);
  }

  static async create<T>(parentDir = os.tmpdir()): Promise<EncryptedSpill<T>> {
    const dir = await fs.promises.mkdtemp(path.join(parentDir, 'tuanwu-spill-'));
    const handle = await fs.promises.open(path.join(dir, 'spill'), 'wx', 0o600);
    return new EncryptedSpill<T>(dir, handle);
  }

  /** How many values were appended. */
  get count(): number {
    return this.#count;
  }

  async append(value: T): Promise<void> {
    if (this.#tag) throw new Error('the spill was already finished');
    const line = JSON.stringify(value);
    this.#pending.push(line);
    this.#pendingBytes += line.length;
    this.#count++;
    if (this.#pendingBytes >= FLUSH_BYTES) await this.#flush();
  }

  /** Close the file for writing; values can be read from then on. */
  async finish(): Promise<void> {
    if (this.#tag) return;
    await this.#flush();
    const last = this.#cipher.final();
    if (last.length > 0) await this.#handle.write(last);
    this.#tag = this.#cipher.getAuthTag();
    await this.#handle.close();
  }

  /** The values in the order they were appended. A file altered on disk fails at its end. */
  async *values(): AsyncGenerator<T> {
    if (!this.#tag) throw new Error('finish the spill before reading it');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#key, this.#iv);
    decipher.setAuthTag(this.#tag);
    const source = fs.createReadStream(this.#file);
    source.on('error', (error) => decipher.destroy(error));
    source.pipe(decipher);
    // JSON.stringify escapes line breaks inside values, so every '\n' ends one value.
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of decipher as AsyncIterable<Buffer>) {
      const lines = (rest + decoder.write(chunk)).split('\n');
      rest = lines.pop()!;
      for (const line of lines) if (line.length > 0) yield JSON.parse(line) as T;
    }
    rest += decoder.end();
    if (rest.length > 0) yield JSON.parse(rest) as T;
  }

  /** Remove the file (safe to call more than once, and before finish). */
  async dispose(): Promise<void> {
    if (!this.#tag) await this.#handle.close().catch(() => undefined);
    await fs.promises.rm(this.#dir, { recursive: true, force: true });
  }

  async #flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const encrypted = this.#cipher.update(`${this.#pending.join('\n')}\n`, 'utf8');
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#handle.write(encrypted);
  }
}
