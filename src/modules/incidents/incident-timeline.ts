import { invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { instantOf } from './incident-input.ts';
import type { IncidentDto } from './incident.dto.ts';
import { appendEvent, writeIncident } from './incident-write.ts';

/**
 * 添加处置记录: one dated entry of the timeline (what was done or found, and when). The timeline is
 * append-only and stays open after closing, for the review the plan asks for within two weeks.
 */
export async function addTimelineEntry(ctx: ServiceContext, id: number, input: { at: string; note: string }, now = new Date()): Promise<IncidentDto> {
  const problems: FieldError[] = [];
  const note = input.note.trim();
  if (note.length < 2) problems.push({ field: 'note', code: 'required', message: { zh: '请写明发生了什么、做了什么（至少2个字）', en: 'say what happened or was done (2 characters or more)' } });
  return writeIncident(ctx, id, 'incident.timeline', async (trx, row) => {
    const at = instantOf('at', input.at, problems, now, row.detected_at);
    if (problems.length > 0) throw invalidFields(problems);
    await appendEvent(trx, id, { kind: 'note', at, note, by: ctx.actor.username }, now);
    return { at };
  }, { allowClosed: true });
}
