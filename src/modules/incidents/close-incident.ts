import { invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { missingForClose } from './incident-close-check.ts';
import type { IncidentDto } from './incident.dto.ts';
import { appendEvent, writeIncident } from './incident-write.ts';

/**
 * 结案: only with the facts and notices PIPL Art. 57 requires (400 naming each one missing, and nothing
 * changes); afterwards the facts are frozen and only timeline notes may be added.
 */
export async function closeIncident(ctx: ServiceContext, id: number, input: { note?: string }, now = new Date()): Promise<IncidentDto> {
  return writeIncident(ctx, id, 'incident.close', async (trx, row) => {
    const missing = missingForClose(row);
    if (missing.length > 0) throw invalidFields(missing);
    const stamp = now.toISOString();
    await trx.updateTable('incident').set({ status: 'closed', closed_at: stamp, closed_by: ctx.actor.username, updated_at: stamp }).where('id', '=', id).execute();
    await appendEvent(trx, id, { kind: 'closed', at: stamp, note: input.note?.trim() || '结案', by: ctx.actor.username }, now);
    return { drill: row.drill === 1, involvesMinors: row.involves_minors === 1 };
  });
}
