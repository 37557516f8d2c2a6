import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { toMinorAccessDto, type MinorAccessRequestDto } from './minor-access.dto.ts';
import { grantSubjectInScope } from './minor-grant-scope.ts';
import { isMinorSensitive } from './minor-label.ts';
import { requireMinorSubject, type MinorSubjectType } from './minor-subjects.ts';

type ReadContext = Pick<ServiceContext, 'db' | 'scope' | 'actor'>;
const LIST_LIMIT = 200;

function grantsWithOrg(ctx: ReadContext) {
  return ctx.db.selectFrom('minor_access_grant').innerJoin('organization', 'organization.id', 'minor_access_grant.org_id')
    .selectAll('minor_access_grant').select('organization.name as org_name');
}

/** 我的申请: the caller's own requests, newest first. */
export async function listMyMinorAccess(ctx: ReadContext, now: Date = new Date()): Promise<MinorAccessRequestDto[]> {
  const rows = await grantsWithOrg(ctx).where('minor_access_grant.requester_user_id', '=', ctx.actor.userId ?? -1)
    .orderBy('minor_access_grant.requested_at', 'desc').orderBy('minor_access_grant.id', 'desc').limit(LIST_LIMIT).execute();
  return rows.map((r) => toMinorAccessDto(r, now));
}

/**
 * 待我审批 / 已审批: requests for records the approver's scope holds today (the record's current
 * organization decides), never the approver's own; waiting ones oldest first, decided ones newest first.
 */
export async function listMinorAccessForApprover(ctx: ReadContext, box: 'pending' | 'decided', now: Date = new Date()): Promise<MinorAccessRequestDto[]> {
  let query = grantsWithOrg(ctx)
    .where(grantSubjectInScope(ctx.scope))
    .where('minor_access_grant.requester_user_id', '!=', ctx.actor.userId ?? -1);
  query = box === 'pending'
    ? query.where('minor_access_grant.status', '=', 'pending').orderBy('minor_access_grant.requested_at', 'asc')
    : query.where('minor_access_grant.status', '!=', 'pending').orderBy('minor_access_grant.decided_at', 'desc');
  const rows = await query.orderBy('minor_access_grant.id', 'desc').limit(LIST_LIMIT).execute();
  return rows.map((r) => toMinorAccessDto(r, now));
}

/** Whether a record is labelled and what the caller holds for it: the web asks before opening it. */
export async function subjectMinorAccess(ctx: ReadContext, type: MinorSubjectType, id: number, now: Date = new Date()): Promise<{
  name: string; orgName: string; labelled: boolean; active: MinorAccessRequestDto | null; pending: MinorAccessRequestDto | null;
}> {
  const subject = await requireMinorSubject(ctx.db, ctx.scope, type, id);
  const labelled = isMinorSensitive(subject.birthDate, todayInChina(now));
  const mine = await grantsWithOrg(ctx)
    .where('minor_access_grant.subject_type', '=', type).where('minor_access_grant.subject_id', '=', id)
    .where('minor_access_grant.requester_user_id', '=', ctx.actor.userId ?? -1).where('minor_access_grant.status', 'in', ['pending', 'approved'])
    .orderBy('minor_access_grant.id', 'desc').limit(20).execute();
  const dtos = mine.map((r) => toMinorAccessDto(r, now));
  // The name and organization are what the list already shows: enough to say whose record is asked for.
  return { name: subject.name, orgName: subject.orgName, labelled, active: dtos.find((d) => d.state === 'active') ?? null, pending: dtos.find((d) => d.state === 'pending') ?? null };
}
