import { sql, type Kysely } from 'kysely';
import type { Database, NewOrganizationRow } from '../../../platform/db/schema.ts';
import type { Engine } from '../../../platform/db/connect.ts';
import { pinyinInitials } from '../pinyin-initials.ts';

/** An organization to write in bulk, before ids and paths are known. */
export type SeedOrg = {
  name: string;
  type: string;
  kind?: string;
  industryCategory: string;
  regionCode?: string | null;
  foundedOn?: string | null;
  lastElectionOn?: string | null;
  termYears?: number | null;
  contactName?: string | null;
  contactPhoneEnc?: string | null;
};

/**
 * Writes generated organizations with ids chosen up front, so a whole tree goes in with
 * multi-row inserts instead of an insert and an update per node.
 */
export class OrgTreeWriter {
  #nextId: number;
  #buffer: NewOrganizationRow[] = [];
  #childCounts = new Map<number, number>();
  readonly #now = new Date().toISOString();
  written = 0;

  private constructor(private readonly db: Kysely<Database>, private readonly engine: Engine, firstId: number, private readonly batchSize: number) {
    this.#nextId = firstId;
  }

  static async open(db: Kysely<Database>, engine: Engine, batchSize = 500): Promise<OrgTreeWriter> {
    const { max } = await db.selectFrom('organization').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow();
    return new OrgTreeWriter(db, engine, Number(max ?? 0) + 1, batchSize);
  }

  /** Queue one organization under a parent (null for a root); returns its id and path. */
  async add(parent: { id: number; path: string; depth: number } | null, org: SeedOrg): Promise<{ id: number; path: string; depth: number }> {
    const id = this.#nextId++;
    const path = `${parent?.path ?? '/'}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    this.#buffer.push({
      id, parent_id: parent?.id ?? null, path, depth, name: org.name, short_name: null, name_initials: pinyinInitials(org.name),
      type: org.type, kind: org.kind ?? 'normal', industry_category: org.industryCategory, region_code: org.regionCode ?? null,
      founded_on: org.foundedOn ?? null, last_election_on: org.lastElectionOn ?? null, term_years: org.termYears ?? null,
      contact_name: org.contactName ?? null, contact_phone_enc: org.contactPhoneEnc ?? null, status: 'active', child_count: 0,
      created_at: this.#now, updated_at: this.#now,
    });
    if (parent) this.#childCounts.set(parent.id, (this.#childCounts.get(parent.id) ?? 0) + 1);
    if (this.#buffer.length >= this.batchSize) await this.flush();
    return { id, path, depth };
  }

  async flush(): Promise<void> {
    if (this.#buffer.length === 0) return;
    const rows = this.#buffer;
    this.#buffer = [];
    await this.db.insertInto('organization').values(rows).execute();
    this.written += rows.length;
  }

  /** Write what is queued, then the child counts, and move the id sequence past the new ids. */
  async finish(): Promise<void> {
    await this.flush();
    const byCount = new Map<number, number[]>();
    for (const [id, count] of this.#childCounts) byCount.set(count, [...(byCount.get(count) ?? []), id]);
    for (const [count, ids] of byCount) {
      for (let i = 0; i < ids.length; i += 1000) {
        await this.db.updateTable('organization').set({ child_count: sql`child_count + ${count}` }).where('id', 'in', ids.slice(i, i + 1000)).execute();
      }
    }
    this.#childCounts.clear();
    if (this.engine === 'postgres') {
      await sql`select setval(pg_get_serial_sequence('organization', 'id'), (select max(id) from organization))`.execute(this.db);
    }
  }
}
