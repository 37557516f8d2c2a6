import { invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { checkFacts, definedOnly, factColumns, type IncidentFacts } from './incident-input.ts';
import type { IncidentDto } from './incident.dto.ts';
import { writeIncident } from './incident-write.ts';

/**
 * 补充、更正事件情况: the facts the notice will state, as the assessment goes on (plan step 3).
 * The audit names the fields changed, and the level and the drill and minors marks as they now stand
 * (so that a real incident later marked a drill shows in the log); the texts stay in the register.
 */
export async function updateIncident(ctx: ServiceContext, id: number, facts: IncidentFacts, now = new Date()): Promise<IncidentDto> {
  const problems: FieldError[] = [];
  checkFacts(facts, problems);
  const columns = definedOnly(factColumns(facts, problems, now));
  if (problems.length > 0) throw invalidFields(problems);
  return writeIncident(ctx, id, 'incident.update', async (trx, row) => {
    if (columns.detected_at !== undefined && row.contained_at !== null && columns.detected_at > row.contained_at) {
      throw invalidFields([{ field: 'detectedAt', code: 'after_containment', message: { zh: '发现时间不能晚于控制时间', en: 'detection cannot be after containment' } }]);
    }
    await trx.updateTable('incident').set({ ...columns, updated_at: now.toISOString() }).where('id', '=', id).execute();
    return { fields: Object.keys(facts).filter((k) => facts[k as keyof IncidentFacts] !== undefined), severity: columns.severity ?? row.severity, drill: (columns.drill ?? row.drill) === 1, involvesMinors: (columns.involves_minors ?? row.involves_minors) === 1 };
  });
}
