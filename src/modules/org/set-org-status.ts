import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { auditSnapshot, toOrgDto, type OrgDto } from './org.dto.ts';
import { requireOrgsInScope } from './org.repository.ts';

/**
 * 停用组织. Organizations are never deleted once anything may refer to them: they are
 * deactivated, keep their history, and the posts held in them stop working.
 */
export async function deactivateOrg(ctx: ServiceContext, id: number, reason: string): Promise<OrgDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await requireOrgsInScope(trx, ctx.scope, [id])).get(id)!;
    if (id === ctx.scope.orgId && ctx.scope.kind !== 'all') throw new AppError('ORG_IS_SCOPE_ROOT');
    if (before.status === 'inactive') return toOrgDto(before, ctx.cipher);
    const activeChild = await trx.selectFrom('organization').select('id').where('parent_id', '=', id).where('status', '=', 'active').executeTakeFirst();
    if (activeChild) throw new AppError('ORG_HAS_ACTIVE_CHILDREN');
    const now = new Date().toISOString();
    const after = await trx
      .updateTable('organization')
      .set({ status: 'inactive', deactivated_at: now, deactivation_reason: reason.trim(), updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'org.deactivate', orgPath: after.path, targetType: 'organization', targetId: id, targetLabel: after.name,
      before: auditSnapshot(before), after: auditSnapshot(after), detail: { reason: reason.trim() },
    });
    return toOrgDto(after, ctx.cipher);
  });
}

/** 启用组织: only under an active parent. */
export async function reactivateOrg(ctx: ServiceContext, id: number): Promise<OrgDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await requireOrgsInScope(trx, ctx.scope, [id])).get(id)!;
    if (before.status === 'active') return toOrgDto(before, ctx.cipher);
    if (before.parent_id !== null) {
      const parent = await trx.selectFrom('organization').select('status').where('id', '=', before.parent_id).executeTakeFirstOrThrow();
      if (parent.status !== 'active') throw new AppError('ORG_PARENT_INACTIVE');
    }
    const after = await trx
      .updateTable('organization')
      .set({ status: 'active', deactivated_at: null, deactivation_reason: null, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'org.reactivate', orgPath: after.path, targetType: 'organization', targetId: id, targetLabel: after.name,
      before: auditSnapshot(before), after: auditSnapshot(after),
    });
    return toOrgDto(after, ctx.cipher);
  });
}
