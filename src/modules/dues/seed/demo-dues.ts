import type { Insertable, Kysely } from 'kysely';
import type { Database, DuesPaymentTable } from '../../../platform/db/schema.ts';
import { rowMacKeysOf } from '../../../platform/integrity/mac-keys.ts';
import { sealWrittenRows } from '../../../platform/integrity/seal-rows.ts';
import type { FieldCipher } from '../../../platform/pii/field-cipher.ts';
import { addMonths, monthInChina, monthsBetween } from '../../../platform/time/months.ts';
import { todayInChina } from '../../../platform/time/china-date.ts';
import type { SeededRandom } from '../../org/seed/synthetic-grassroots.ts';
import { monthlyDuesFen } from '../dues-amount.ts';
import { categoryOfOccupation, type DuesCategory } from '../dues-categories.ts';
import { applyCollections } from '../dues-collection-counters.ts';

/**
 * The demo's dues: most members assessed (students and farmers at the flat amount, others by a
 * synthetic income), paid in one or two collections, some owing a few months, a few long enough
 * for the 自行脱团 warning, and some never assessed, so every list and statistic has something to
 * show. The member counters are rebuilt by the caller afterwards.
 */
export async function writeDemoDues(trx: Kysely<Database>, random: SeededRandom, cipher: FieldCipher): Promise<number> {
  const thisMonth = monthInChina();
  const today = todayInChina();
  const ledgerStart = `${Number(thisMonth.slice(0, 4)) - 1}-01`;
  const members = await trx.selectFrom('member').select(['id', 'org_id', 'org_path', 'occupation', 'joined_league_on']).where('is_active', '=', 1).orderBy('id').execute();
  const now = new Date().toISOString();
  const payments: Insertable<DuesPaymentTable>[] = [];
  let assessed = 0;
  for (const member of members) {
    if (random.next() < 0.12) continue; // never assessed
    const category: DuesCategory = categoryOfOccupation(member.occupation) ?? 'wage';
    const incomeFen = category === 'wage' ? random.int(1500, 12_000) * 100 : null;
    const monthlyFen = monthlyDuesFen(category, incomeFen);
    const startMonth = member.joined_league_on > ledgerStart ? member.joined_league_on : ledgerStart;
    if (startMonth > thisMonth) continue;
    const roll = random.next();
    // Paid up (some a few months ahead), owing 1–5 months, or owing 7–10 months (the warning).
    const paidThrough = roll < 0.6 ? addMonths(thisMonth, random.int(0, 2)) : roll < 0.9 ? addMonths(thisMonth, -random.int(1, 5)) : addMonths(thisMonth, -random.int(7, 10));
    const lastPaid = paidThrough < startMonth ? addMonths(startMonth, -1) : paidThrough;
    await trx.updateTable('member').set({ dues_monthly_fen: monthlyFen, dues_paid_through: lastPaid }).where('id', '=', member.id).execute();
    await trx.insertInto('dues_assessment').values({
      member_id: member.id, org_path: member.org_path, category, income_fen: incomeFen, monthly_fen: monthlyFen, from_month: startMonth,
      reason: '演示数据', actor_user_id: null, actor_username: 'system', post_label: '系统', at: now,
    }).execute();
    assessed++;
    // Up to two collections: the months from the start to the middle, then the rest.
    let from = startMonth;
    while (from <= lastPaid) {
      const span = Math.max(1, Math.min(random.int(3, 12), monthsBetween(from, lastPaid) + 1));
      const to = addMonths(from, span - 1);
      const collected = to > thisMonth ? thisMonth : to;
      payments.push({
        member_id: member.id, org_id: member.org_id, org_path: member.org_path, from_month: from, to_month: to, months: span,
        monthly_fen: monthlyFen, extra_fen: 0, amount_fen: monthlyFen * span, provider: 'offline', method: random.next() < 0.7 ? 'cash' : 'bank_transfer',
        receipt_no: `SJ${collected.replace('-', '')}${String(payments.length + 1).padStart(5, '0')}`, paid_on: paidOn(collected, random.int(1, 28), today),
        collected_month: collected, status: 'recorded', note: null, actor_user_id: null, actor_username: 'system', post_label: '系统', recorded_at: now,
      });
      from = addMonths(to, 1);
    }
  }
  for (let i = 0; i < payments.length; i += 200) {
    // Sealed like every payment the application records (DOMAIN §12 DB-13).
    const written = await trx.insertInto('dues_payment').values(payments.slice(i, i + 200)).returningAll().execute();
    await sealWrittenRows(trx, rowMacKeysOf(cipher).writer, 'dues_payment', written);
  }
  await applyCollections(trx, payments.map((p) => ({ path: p.org_path, month: p.collected_month, fen: p.amount_fen, payments: 1 })));
  return assessed;
}

/** A day of the collecting month, never after today (early in the month, this month's collections are from the days so far). */
function paidOn(month: string, day: number, today: string): string {
  const date = `${month}-${String(day).padStart(2, '0')}`;
  return date > today ? today : date;
}
