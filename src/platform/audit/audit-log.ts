import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLogRow, Database } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';

/** Who does something, as recorded in the audit log. */
export type Actor = {
  userId: number | null;
  username: string;
  postId: number | null;
  postLabel: string | null;
  ip: string | null;
  requestId: string | null;
};

/** The command line and start-up jobs act as this actor. */
export const systemActor: Actor = { userId: null, username: 'system', postId: null, postLabel: '系统', ip: null, requestId: null };

/** One event to record. */
export type AuditEntry = {
  action: string;
  result?: 'ok' | 'denied' | 'failed';
  orgPath?: string | null;
  targetType?: string;
  targetId?: string | number;
  targetLabel?: string;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
};

/** The fields covered by a row's hash, in a fixed order. */
type HashedFields = Omit<AuditLogRow, 'id' | 'hash'>;

const GENESIS = '0'.repeat(64);

/**
 * Append one entry to the hash-chained audit log inside the caller's transaction, so that
 * the write and its audit record commit or fail together (fail closed).
 */
export async function appendAudit(trx: Kysely<Database>, auditKey: Buffer, actor: Actor, entry: AuditEntry): Promise<void> {
  try {
    await extendChain(trx, auditKey, actor, entry);
  } catch (error) {
    // Fail closed (DOMAIN §12 DB-10): the caller's transaction rolls back and the client is told to retry later.
    throw new AppError('SERVICE_UNAVAILABLE', { message: { zh: '审计记录无法写入，操作未执行，请稍后再试', en: 'The audit record could not be written, so nothing was done; try again later' }, cause: error });
  }
}

async function extendChain(trx: Kysely<Database>, auditKey: Buffer, actor: Actor, entry: AuditEntry): Promise<void> {
  // The UPDATE takes the head row's lock on PostgreSQL, serializing chain extension.
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['last_seq', 'last_hash'])
    .executeTakeFirstOrThrow();
  const fields: HashedFields = {
    seq: Number(head.last_seq),
    at: new Date().toISOString(),
    actor_user_id: actor.userId,
    actor_username: actor.username,
    post_id: actor.postId,
    post_label: actor.postLabel,
    org_path: entry.orgPath ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId === undefined ? null : String(entry.targetId),
    target_label: entry.targetLabel ?? null,
    result: entry.result ?? 'ok',
    ip: actor.ip,
    request_id: actor.requestId,
    before_digest: entry.before === undefined ? null : digestOf(entry.before),
    after_digest: entry.after === undefined ? null : digestOf(entry.after),
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    prev_hash: head.last_hash,
  };
  const hash = chainHash(auditKey, fields);
  await trx.insertInto('audit_log').values({ ...fields, hash }).execute();
  await trx.updateTable('audit_head').set({ last_hash: hash }).where('id', '=', 1).execute();
}

/** SHA-256 of a value's canonical JSON (object keys sorted). */
export function digestOf(value: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function chainHash(auditKey: Buffer, fields: HashedFields): string {
  return crypto.createHmac('sha256', auditKey).update(canonicalJson({ ...fields, seq: Number(fields.seq) })).digest('hex');
}

/** The outcome of recomputing the chain. */
export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAtSeq: number; reason: string };

/** Where the chain starts after a retention purge: the last purged entry's seq and hash. */
export type AuditCheckpoint = { seq: number; hash: string; purgedRows: number; cutoff: string; createdAt: string };

/** HMAC of a checkpoint with the audit key: a checkpoint cannot be made up to hide a deletion without the key. */
export function checkpointMac(auditKey: Buffer, cp: AuditCheckpoint): string {
  return crypto.createHmac('sha256', auditKey).update(canonicalJson({ ...cp, seq: Number(cp.seq), kind: 'audit_checkpoint' })).digest('hex');
}

/** The latest checkpoint with whether its MAC matches, or null when nothing was ever purged. */
async function latestCheckpoint(db: Kysely<Database>, auditKey: Buffer): Promise<(AuditCheckpoint & { valid: boolean }) | null> {
  const row = await db.selectFrom('audit_checkpoint').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  const cp: AuditCheckpoint = { seq: Number(row.seq), hash: row.hash, purgedRows: Number(row.purged_rows), cutoff: row.cutoff, createdAt: row.created_at };
  return { ...cp, valid: checkpointMac(auditKey, cp) === row.mac };
}

/**
 * Recompute the whole chain and name the first broken link. After a retention purge the chain
 * starts at the latest checkpoint (DOMAIN §12 DB-10): the first remaining entry must follow the
 * last purged one's seq and hash, and the checkpoint itself must carry the audit key's MAC.
 */
export async function verifyAuditChain(db: Kysely<Database>, auditKey: Buffer, batchSize = 5000): Promise<ChainVerdict> {
  const checkpoint = await latestCheckpoint(db, auditKey);
  if (checkpoint && !checkpoint.valid) {
    return { ok: false, entries: 0, brokenAtSeq: checkpoint.seq, reason: 'the purge checkpoint does not match its MAC (it was altered or made up)' };
  }
  const startSeq = checkpoint ? checkpoint.seq + 1 : 1;
  let expectedPrev = checkpoint ? checkpoint.hash : GENESIS;
  let expectedSeq = startSeq;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, entries: checked, brokenAtSeq: expectedSeq, reason: `entry ${expectedSeq} is missing (next present is ${seq})` };
      }
      if (row.prev_hash !== expectedPrev) {
        return { ok: false, entries: checked, brokenAtSeq: seq, reason: 'prev_hash does not match the previous entry' };
      }
      const { id: _id, hash, ...fields } = row;
      if (chainHash(auditKey, fields) !== hash) {
        return { ok: false, entries: checked, brokenAtSeq: seq, reason: 'content does not match its hash (the row was altered)' };
      }
      expectedPrev = hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const lastSeq = startSeq - 1 + checked;
  if (Number(head.last_seq) !== lastSeq || head.last_hash !== expectedPrev) {
    return { ok: false, entries: checked, brokenAtSeq: lastSeq + 1, reason: `the log ends at entry ${lastSeq} but the chain head says ${head.last_seq} (entries were removed from the end)` };
  }
  return { ok: true, entries: checked };
}
