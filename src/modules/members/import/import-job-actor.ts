import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/audit/audit-log.ts';
import type { Database, ImportJobRow } from '../../../platform/db/schema.ts';
import type { DataScope } from '../../../platform/scope/data-scope.ts';
import { loadPosts, permissionsOf, scopeOf } from '../../accounts/session.service.ts';

/**
 * Who a job acts for, worked out again when it runs rather than copied from the request: the
 * uploader's account must still be active, the post still usable and still allowed to import,
 * and the scope is the post's scope now (an organization may have moved since the upload).
 * Null when any of that no longer holds.
 */
export async function jobActor(db: Kysely<Database>, job: ImportJobRow): Promise<{ actor: Actor; scope: DataScope } | null> {
  const user = await db.selectFrom('app_user').select(['username', 'status']).where('id', '=', job.user_id).executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  const post = (await loadPosts(db, job.user_id)).find((p) => p.id === job.post_id);
  if (!post?.usable) return null;
  if (!(await permissionsOf(db, post.roleCode)).has('member.import')) return null;
  return {
    scope: await scopeOf(db, post, job.user_id),
    actor: {
      userId: job.user_id, username: user.username, postId: post.id, postLabel: `${post.orgName} · ${post.roleName}`, ip: job.source_ip, requestId: job.request_id,
    },
  };
}
