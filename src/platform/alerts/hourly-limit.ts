import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { AppError } from '../http/app-error.ts';
import { rule, type RuleKey } from '../rules/rules.ts';
import type { ServiceContext } from '../service-context.ts';
import { raiseAlert, type AlertKind } from './security-alerts.ts';

const HOUR_MS = 3_600_000;

/** What is counted per account and hour (DOMAIN §12 AS-22), the rule that limits it and the alert it raises. */
export const HOURLY_LIMITS = {
  // Every download that carries people's data counts: member lists (masked or full), organizations with
  // their contacts, 公示 lists and import error workbooks, so that no one kind is a way round the limit.
  export: { rule: 'export.maxPerHour', alert: 'export_rate', lockKey: 1, zh: '导出', en: 'exports' },
  member_detail: { rule: 'member.maxDetailViewsPerHour', alert: 'detail_view_rate', lockKey: 2, zh: '查看团员详情或完整信息', en: 'member detail views' },
} as const satisfies Record<string, { rule: RuleKey; alert: AlertKind; lockKey: number; zh: string; en: string }>;
export type UsageKind = keyof typeof HOURLY_LIMITS;

/** Hours and minutes in China Standard Time (UTC+8), for the "try again at" message. */
function chinaClock(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR_MS).toISOString().slice(11, 16);
}

/**
 * Count one use of `kind` by the acting account, or refuse it: at the limit within the last hour the
 * answer is 429 RATE_LIMITED with the seconds until the oldest counted use leaves the window, and a
 * security alert is raised once per window for the administrators (DB-12). A refused use is not
 * counted, so an account that waits is let through on time.
 */
export async function countHourlyUse(ctx: Pick<ServiceContext, 'db' | 'auditKey' | 'actor' | 'scope'>, kind: UsageKind, now = new Date()): Promise<void> {
  const userId = ctx.actor.userId;
  if (userId === null) return;
  const limit = HOURLY_LIMITS[kind];
  const max = rule(limit.rule);
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  // PostgreSQL: one account's uses of a kind are counted one request at a time (a transaction lock),
  // so a burst of parallel requests cannot all slip under the limit; SQLite writes one at a time anyway.
  const postgres = (ctx.db as Partial<Pick<Db, 'engine'>>).engine === 'postgres';
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    if (postgres) await sql`select pg_advisory_xact_lock(${userId}, ${limit.lockKey})`.execute(trx);
    const inWindow = trx.selectFrom('usage_event').where('user_id', '=', userId).where('kind', '=', kind).where('at', '>', since);
    const count = Number((await inWindow.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if (count < max) {
      await trx.insertInto('usage_event').values({ user_id: userId, kind, at: now.toISOString() }).execute();
      return { allowed: true as const };
    }
    // The use that has to leave the window before one more fits.
    const blocking = await inWindow.select('at').orderBy('at').orderBy('id').offset(count - max).limit(1).executeTakeFirst();
    const freeAt = new Date((blocking ? Date.parse(blocking.at) : now.getTime()) + HOUR_MS);
    // Raised under the same lock, so parallel refusals raise one alert per window.
    await raiseAlert(trx, ctx.auditKey, ctx.actor, { kind: limit.alert, count: count + 1, limit: max, orgPath: ctx.scope.postOrgPath, oncePerMs: HOUR_MS, detail: { window: 'PT1H' } }, now);
    return { allowed: false as const, freeAt };
  });
  if (outcome.allowed) return;
  const { freeAt } = outcome;
  const retryAfterSeconds = Math.max(1, Math.ceil((freeAt.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw new AppError('RATE_LIMITED', {
    message: {
      zh: `一小时内${limit.zh}已达${max}次上限，请于${chinaClock(freeAt)}（约${minutes}分钟后）再试；如确有工作需要，请联系安全管理员`,
      en: `You reached the limit of ${max} ${limit.en} an hour; try again in about ${minutes} minutes, or ask the security administrator if your work needs more`,
    },
    extra: { retryAfterSeconds, limit: max, kind },
  });
}

/** Forget uses older than the window (the hourly housekeeping job). */
export async function purgeUsageEvents(db: ServiceContext['db'], now = new Date()): Promise<number> {
  const result = await db.deleteFrom('usage_event').where('at', '<=', new Date(now.getTime() - HOUR_MS).toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
