import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/audit/audit-log.ts';
import type { Database, ImportJobRow } from '../../../platform/db/schema.ts';
import { DataScope } from '../../../platform/scope/data-scope.ts';
import { loadPosts } from '../../accounts/session.service.ts';

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
  const permitted = await db
    .selectFrom('role_permission')
    .innerJoin('role', 'role.id', 'role_permission.role_id')
    .select('role_permission.permission')
    .where('role.code', '=', post.roleCode)
    .where('role_permission.permission', '=', 'member.import')
    .executeTakeFirst();
  if (!permitted) return null;
  let customPaths: string[] | undefined;
  // As the session computes a custom scope: the chosen organizations that are still active.
  if (post.scope === 'custom') {
    const rows = await db
      .selectFrom('post_scope_org')
      .innerJoin('organization', 'organization.id', 'post_scope_org.org_id')
      .select('organization.path')
      .where('post_scope_org.post_id', '=', post.id)
      .where('organization.status', '=', 'active')
      .execute();
    customPaths = rows.map((r) => r.path);
  }
  return {
    scope: DataScope.forPost({ kind: post.scope, orgId: post.orgId, orgPath: post.orgPath, userId: job.user_id, customPaths }),
    actor: {
      userId: job.user_id, username: user.username, postId: post.id, postLabel: `${post.orgName} · ${post.roleName}`, ip: job.source_ip, requestId: job.request_id,
    },
  };
}
