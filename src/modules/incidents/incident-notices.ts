import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { NoticeAudience } from './incident-enums.ts';
import { instantOf } from './incident-input.ts';
import type { IncidentDto } from './incident.dto.ts';
import { appendEvent, writeIncident } from './incident-write.ts';

const msg = (zh: string, en: string) => ({ zh, en });

/**
 * 已控制 (plan step 1): the leak is stopped. Recorded once; an incident already reported keeps its
 * status, so a containment written down after the report still gets its time.
 */
export async function markContained(ctx: ServiceContext, id: number, input: { at: string; note: string }, now = new Date()): Promise<IncidentDto> {
  const problems: FieldError[] = [];
  const note = input.note.trim();
  if (note.length < 2) problems.push({ field: 'note', code: 'required', message: msg('请写明采取了哪些控制措施（如停用账号、结束会话）', 'say how it was contained (e.g. accounts disabled, sessions ended)') });
  return writeIncident(ctx, id, 'incident.contain', async (trx, row) => {
    const at = instantOf('at', input.at, problems, now, row.detected_at);
    if (problems.length > 0) throw invalidFields(problems);
    if (row.contained_at !== null) throw new AppError('CONFLICT', { message: msg('该事件已标记为已控制，请刷新后查看', 'The incident is already marked contained; reload to see it') });
    await trx.updateTable('incident').set({ status: row.status === 'open' ? 'contained' : row.status, contained_at: at, updated_at: now.toISOString() }).where('id', '=', id).execute();
    await appendEvent(trx, id, { kind: 'contained', at, note, by: ctx.actor.username }, now);
    return { at };
  });
}

export type NoticeInput = {
  audience: NoticeAudience;
  at: string;
  /** How and to whom (书面报告送达省委网信办; 短信告知受影响团员及监护人…), or with `exempt` why the people were not told. */
  note: string;
  /** PIPL Art. 57 ¶2: the remedies effectively avoid the harm, so the people affected need not be told; never for minors. */
  exempt?: boolean;
};

/**
 * 记录报告和通知 (PIPL Art. 57; plan step 4): when the cyberspace authority and the people affected
 * were told, how, and who recorded it. The authority's report moves the incident to 已报告. Each notice
 * is recorded once; a correction goes into the timeline.
 */
export async function recordNotice(ctx: ServiceContext, id: number, input: NoticeInput, now = new Date()): Promise<IncidentDto> {
  const problems: FieldError[] = [];
  const note = input.note.trim();
  if (note.length < 2) {
    problems.push({ field: 'note', code: 'required', message: input.exempt
      ? msg('请说明为何不通知个人：采取的措施如何能够有效避免危害（个人信息保护法第五十七条第二款）', 'say why the people need not be told: how the remedies avoid the harm (PIPL Art. 57 ¶2)')
      : msg('请写明以何种方式、向谁报告或通知', 'say how and to whom the notice was given') });
  }
  if (input.exempt && input.audience !== 'individuals') {
    problems.push({ field: 'exempt', code: 'not_allowed', message: msg('向网信部门的报告不能免除', 'the report to the authority cannot be waived') });
  }
  return writeIncident(ctx, id, 'incident.notify', async (trx, row) => {
    const at = instantOf('at', input.at, problems, now, row.detected_at);
    if (input.exempt && row.involves_minors === 1) {
      problems.push({ field: 'exempt', code: 'minors', message: msg('涉及未成年人信息的事件须告知受影响的未成年人及其监护人，不适用免于通知', 'an incident involving minors must be told to the minors and their guardians; it cannot be waived') });
    }
    if (problems.length > 0) throw invalidFields(problems);
    const stamp = now.toISOString();
    if (input.audience === 'regulator') {
      if (row.regulator_notified_at !== null) throw alreadyRecorded();
      await trx.updateTable('incident').set({
        regulator_notified_at: at, regulator_notified_by: ctx.actor.username, regulator_notice: note, updated_at: stamp,
        status: row.status === 'open' || row.status === 'contained' ? 'notified' : row.status,
      }).where('id', '=', id).execute();
      await appendEvent(trx, id, { kind: 'notified_regulator', at, note, by: ctx.actor.username }, now);
    } else {
      // A notice may still follow a recorded waiver (e.g. minors turn out to be among the people); not the other way round.
      if (row.individuals_notified_at !== null || (input.exempt && row.individuals_exemption !== null)) throw alreadyRecorded();
      await trx.updateTable('incident').set(input.exempt
        ? { individuals_exemption: note, updated_at: stamp }
        : { individuals_notified_at: at, individuals_notified_by: ctx.actor.username, individuals_notice: note, updated_at: stamp }).where('id', '=', id).execute();
      await appendEvent(trx, id, { kind: input.exempt ? 'individuals_exempt' : 'notified_individuals', at, note, by: ctx.actor.username }, now);
    }
    return { audience: input.audience, exempt: input.exempt === true, at };
  });
}

function alreadyRecorded(): AppError {
  return new AppError('CONFLICT', { message: msg('该项报告或通知已登记；如需更正，请在时间线中添加说明', 'This notice is already recorded; add a timeline note to correct it') });
}
