import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';

/**
 * Fixed data for browser tests whose subject is not the approval itself: an approval, granted by
 * the city committee an hour ago for 24 hours, for `username` to open one minor's record. The
 * request and approval flow has its own browser test (minor-access-page.test.ts).
 */
export async function grantMinorAccess(db: Kysely<Database>, username: string, subject: { type: 'member' | 'applicant'; id: number }): Promise<void> {
  const user = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const record = subject.type === 'member'
    ? await db.selectFrom('member').select(['name', 'org_id', 'org_path']).where('id', '=', subject.id).executeTakeFirstOrThrow()
    : await db.selectFrom('applicant').select(['name', 'org_id', 'org_path']).where('id', '=', subject.id).executeTakeFirstOrThrow();
  const decidedAt = new Date(Date.now() - 3_600_000);
  await db.insertInto('minor_access_grant').values({
    subject_type: subject.type, subject_id: subject.id, subject_label: record.name, org_id: record.org_id, org_path: record.org_path,
    requester_user_id: user.id, requester_username: username, requester_post_label: null, reason: '办理入团审批', purpose: '测试数据',
    requested_hours: 24, requested_at: decidedAt.toISOString(), status: 'approved', decided_by_user_id: null, decided_by_username: 'chengdu_admin',
    decision_comment: null, decided_at: decidedAt.toISOString(), expires_at: new Date(decidedAt.getTime() + 24 * 3_600_000).toISOString(),
    revoked_by_username: null, revoked_at: null, revoke_reason: null,
  }).execute();
}
