import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { ORG_PATH_COPIES } from '../../platform/scope/org-path-copies.ts';
import { orgListeners } from './org-listeners.ts';
import { refuseDuplicateSiblingName } from './create-org.ts';
import { auditSnapshot, toOrgDto, type OrgDto } from './org.dto.ts';
import { requireOrgsInScope } from './org.repository.ts';

/** 调整隶属关系: move an organization and its whole subtree under a new parent, in one transaction. */
export async function moveOrg(ctx: ServiceContext, id: number, newParentId: number): Promise<OrgDto> {
  return ctx.db.transaction().execute(async (trx) => {
    // Both ends must be in scope: a cadre cannot pull a node in, nor push one out of reach.
    const orgs = await requireOrgsInScope(trx, ctx.scope, [id, newParentId]);
    const target = orgs.get(id)!;
    const newParent = orgs.get(newParentId)!;
    if (id === ctx.scope.orgId && ctx.scope.kind !== 'all') throw new AppError('ORG_IS_SCOPE_ROOT');
    if (newParent.path.startsWith(target.path)) throw new AppError('ORG_MOVE_CYCLE');
    if (newParent.status !== 'active') throw new AppError('ORG_PARENT_INACTIVE');
    if (newParent.type === 'branch') {
      throw invalidFields([{ field: 'newParentId', code: 'branch_cannot_have_children', message: { zh: '不能移动到团支部之下', en: 'cannot move under a branch' } }]);
    }
    if (target.parent_id === newParentId) return toOrgDto(target, ctx.cipher);
    if (target.status === 'active') await refuseDuplicateSiblingName(trx, newParentId, target.name, id);

    const newPath = `${newParent.path}${target.id}/`;
    const depthDelta = newParent.depth + 1 - target.depth;
    const moved = await trx
      .updateTable('organization')
      .set({
        path: sql`${newPath} || substr(path, ${target.path.length + 1})`,
        depth: sql`depth + ${depthDelta}`,
      })
      .where('path', 'like', `${target.path}%`)
      .executeTakeFirst();
    for (const copy of ORG_PATH_COPIES) {
      await trx
        .updateTable(copy.table)
        .set({ [copy.column]: sql`${newPath} || substr(${sql.ref(copy.column)}, ${target.path.length + 1})` })
        .where(copy.column, 'like', `${target.path}%`)
        .execute();
    }
    const oldParentPath = target.parent_id === null ? null : target.path.slice(0, target.path.length - `${target.id}/`.length);
    for (const listener of orgListeners()) {
      await listener.onSubtreeMoved?.(trx, { rootId: target.id, oldParentPath, newParentPath: newParent.path });
    }
    const now = new Date().toISOString();
    const after = await trx
      .updateTable('organization')
      .set({ parent_id: newParentId, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (target.parent_id !== null) {
      await trx.updateTable('organization').set({ child_count: sql`child_count - 1` }).where('id', '=', target.parent_id).execute();
    }
    await trx.updateTable('organization').set({ child_count: sql`child_count + 1` }).where('id', '=', newParentId).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'org.move', orgPath: after.path, targetType: 'organization', targetId: id, targetLabel: after.name,
      before: auditSnapshot(target), after: auditSnapshot(after),
      detail: { fromParentId: target.parent_id, toParentId: newParentId, subtreeSize: Number(moved.numUpdatedRows) },
    });
    return toOrgDto(after, ctx.cipher);
  });
}
