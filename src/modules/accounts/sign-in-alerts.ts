import type { Kysely } from 'kysely';
import { raiseAlert } from '../../platform/alerts/security-alerts.ts';
import type { Database } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';

/**
 * 撞库告警: one address passing the sign-in limit is the pattern of credential stuffing (DOMAIN §12
 * DB-12, AS-07). One alert per address per window, whatever the number of refused requests.
 */
export async function alertSignInFlood(deps: { db: Kysely<Database>; auditKey: Buffer }, ip: string, now = new Date()): Promise<void> {
  const label = `anonymous@${ip}`;
  const since = new Date(now.getTime() - 60_000 * rule('auth.lockoutWindowMinutes')).toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const recent = await trx.selectFrom('security_alert').select('id').where('kind', '=', 'sign_in_flood').where('username', '=', label).where('at', '>', since).executeTakeFirst();
    if (recent) return;
    await raiseAlert(trx, deps.auditKey, { userId: null, username: label, postId: null, postLabel: null, ip, requestId: null }, {
      kind: 'sign_in_flood', count: rule('auth.loginRatePerMinute'), limit: rule('auth.loginRatePerMinute'), orgPath: null, detail: { ip },
    }, now);
  });
}
