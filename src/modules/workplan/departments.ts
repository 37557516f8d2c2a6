import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, WorkDepartmentRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { DEFAULT_DEPARTMENTS } from './workplan-enums.ts';

/** 部门 as the API shows them. */
export type DepartmentDto = { id: number; orgId: number; name: string; position: number; active: boolean };

export function toDepartmentDto(row: WorkDepartmentRow): DepartmentDto {
  return { id: row.id, orgId: row.org_id, name: row.name, position: row.position, active: row.active === 1 };
}

/** A committee's departments in their order (inactive ones last). */
export async function listDepartments(ctx: Pick<ServiceContext, 'db' | 'scope'>, orgId: number): Promise<DepartmentDto[]> {
  await requireOrgsInScope(ctx.db, ctx.scope, [orgId]);
  const rows = await ctx.db.selectFrom('work_department').selectAll().where('org_id', '=', orgId).orderBy('active', 'desc').orderBy('position').orderBy('id').execute();
  return rows.map(toDepartmentDto);
}

/** Give a committee the default departments the first time it gets a plan. */
export async function ensureDepartments(trx: Kysely<Database>, orgId: number): Promise<void> {
  const existing = await trx.selectFrom('work_department').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
  if (existing) return;
  const now = new Date().toISOString();
  await trx.insertInto('work_department').values(DEFAULT_DEPARTMENTS.map((name, i) => ({ org_id: orgId, name, position: i + 1, active: 1, created_at: now }))).execute();
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw invalidFields([{ field: 'name', code: 'required', message: { zh: '请填写部门名称', en: 'enter the department name' } }]);
  return trimmed;
}

async function requireUniqueName(trx: Kysely<Database>, orgId: number, name: string, exceptId?: number): Promise<void> {
  let query = trx.selectFrom('work_department').select('id').where('org_id', '=', orgId).where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw invalidFields([{ field: 'name', code: 'duplicate', message: { zh: `本团委已有“${name}”`, en: `the committee already has "${name}"` } }]);
}

export async function createDepartment(ctx: ServiceContext, input: { orgId: number; name: string }): Promise<DepartmentDto> {
  const name = checkName(input.name);
  return ctx.db.transaction().execute(async (trx) => {
    const org = (await requireOrgsInScope(trx, ctx.scope, [input.orgId])).get(input.orgId)!;
    await requireUniqueName(trx, org.id, name);
    const last = await trx.selectFrom('work_department').select((eb) => eb.fn.max('position').as('p')).where('org_id', '=', org.id).executeTakeFirst();
    const row = await trx.insertInto('work_department').values({ org_id: org.id, name, position: Number(last?.p ?? 0) + 1, active: 1, created_at: new Date().toISOString() }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.department.create', orgPath: org.path, targetType: 'work_department', targetId: row.id, targetLabel: name });
    return toDepartmentDto(row);
  });
}

export async function updateDepartment(ctx: ServiceContext, id: number, input: { name?: string; position?: number; active?: boolean }): Promise<DepartmentDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('work_department').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    const org = (await requireOrgsInScope(trx, ctx.scope, [before.org_id])).get(before.org_id)!;
    const name = input.name === undefined ? before.name : checkName(input.name);
    if (name !== before.name) await requireUniqueName(trx, org.id, name, id);
    const row = await trx.updateTable('work_department').set({
      name, position: input.position ?? before.position, active: input.active === undefined ? before.active : input.active ? 1 : 0,
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.department.update', orgPath: org.path, targetType: 'work_department', targetId: id, targetLabel: name, before: toDepartmentDto(before), after: toDepartmentDto(row) });
    return toDepartmentDto(row);
  });
}

/** Check that department ids belong to the committee and are active; field errors name the bad ones. */
export async function requireDepartments(trx: Kysely<Database>, orgId: number, ids: readonly number[], field: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await trx.selectFrom('work_department').select(['id', 'active']).where('org_id', '=', orgId).where('id', 'in', unique).execute();
  const ok = new Set(rows.filter((r) => r.active === 1).map((r) => r.id));
  const bad = unique.filter((d) => !ok.has(d));
  if (bad.length > 0) throw invalidFields([{ field, code: 'unknown_department', message: { zh: `部门不存在或已停用：${bad.join('、')}`, en: `unknown or inactive department: ${bad.join(', ')}` } }]);
}
