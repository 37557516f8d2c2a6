import { api, request } from '../../../api/client';
import type { Rule, RuleChangeInput } from '../types/rule';

export function listRules(signal?: AbortSignal): Promise<Rule[]> {
  return api.get<{ items: Rule[] }>('/api/rules', { signal }).then((body) => body.items);
}

/** Records a province's value; the server answers 204 and the next list shows it. */
export function changeRule(key: string, input: RuleChangeInput): Promise<void> {
  return request<void>('PUT', `/api/rules/${encodeURIComponent(key)}`, { body: input });
}
