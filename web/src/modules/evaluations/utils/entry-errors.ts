import { isApiError } from '../../../api/client';
import type { Lang } from '../../../i18n';

/**
 * The server names a bad row as `entries.N.field`, N counting the rows sent; this puts each message
 * on the member of that row. Errors about anything else come back as `rest`.
 */
export function entryErrors(error: unknown, sentIds: readonly number[], lang: Lang): { byMember: Map<number, string[]>; rest: string[] } {
  const byMember = new Map<number, string[]>();
  const rest: string[] = [];
  if (!isApiError(error)) return { byMember, rest };
  for (const field of error.fields) {
    const text = lang === 'en-US' ? (field.messageEn ?? field.message) : field.message;
    const row = /^entries\.(\d+)\./.exec(field.field);
    const memberId = row ? sentIds[Number(row[1])] : undefined;
    if (memberId === undefined) rest.push(text);
    else byMember.set(memberId, [...(byMember.get(memberId) ?? []), text]);
  }
  return { byMember, rest };
}
