import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';

/**
 * How the data-scope property test (test/data-scope-property.test.ts, DOMAIN §12 DB-07) reads
 * every GET route under /api. A route missing here fails the test: classify it as one of these,
 * or exempt it with the reason it holds no organization's data.
 *
 * - `list`: lists, searches, statistics and dashboards. Called with the query its schema needs
 *   (year, a search word, an organization in scope); an `orgId`/`parentId` it accepts is also
 *   tried with an organization outside the scope, which must answer 404. Every organization the
 *   answer names must lie in the caller's scope. `counts` routes must also answer exactly the
 *   same after writes outside the scope (a member added, a transfer started); the audit log,
 *   security alerts and accounts are left out of that, since the checks themselves add to them.
 * - `export`: a workbook; every row's organization must lie in the scope.
 * - `detail`: one object by id; every object outside the scope answers 404, one inside 200.
 * - `exempt`: holds no organization's data, or is keyed by something other than the scope.
 */
export type ScopeObject = { id: number | string; paths: string[] };
export type RoutePlan =
  | {
    kind: 'list'; queries?: string[]; idKeys?: string[]; counts?: boolean; workplan?: boolean;
    /** For answers whose `items` carry no organization: the organization path of each item, by its `id`. */
    itemPaths?: (db: Kysely<Database>) => Promise<Map<number, string | null>>;
    /**
     * A 本级及下一级 report (org-with-children.ts): its first row is the organization's own figures,
     * which the counters keep for its whole subtree, also for a 本级 post, which gets no child rows.
     * Reported as an open question on DB-07; until it is decided, a member added below a 本级 post's
     * organization may change these totals, and one added anywhere else may not.
     */
    subtreeTotals?: true;
  }
  /** `orgsOfRow`: the organizations a row may belong to (a workbook names, it does not number); the row is in scope when one is. */
  | { kind: 'export'; header: string; orgsOfRow: (row: Record<string, string>, db: Kysely<Database>) => Promise<number[]> }
  | { kind: 'detail'; objects: (db: Kysely<Database>) => Promise<ScopeObject[]>; idKeys?: string[]; workplan?: boolean; ignoreKeys?: string[] }
  | { kind: 'exempt'; reason: string };

const byPath = (rows: { id: number; path: string | null }[]): ScopeObject[] => rows.map((r) => ({ id: r.id, paths: r.path ? [r.path] : [] }));
const members = async (db: Kysely<Database>) => byPath(await db.selectFrom('member').select(['id', 'org_path as path']).execute());

/** A plan (or a task, or an attachment of one) is visible to the committee that owns it and to whoever it is assigned to. */
async function planPaths(db: Kysely<Database>): Promise<Map<number, string[]>> {
  const plans = await db.selectFrom('work_plan').select(['id', 'org_path']).execute();
  const assigned = await db.selectFrom('plan_assignment').innerJoin('plan_task', 'plan_task.id', 'plan_assignment.task_id')
    .select(['plan_task.plan_id', 'plan_assignment.org_path']).execute();
  return new Map(plans.map((p) => [p.id, [p.org_path, ...assigned.filter((a) => a.plan_id === p.id).map((a) => a.org_path)]]));
}

const SELF_SERVICE = 'the signed-in member\'s own record, keyed by the account\'s member, not by an organization scope (the member role has no org scope); covered by src/modules/members/__tests__/my-member-record.test.ts and the privacy tests';
const ENUMS = 'fixed enumerations and rule numbers, no organization data';

export const SCOPE_ROUTES: Record<string, RoutePlan> = {
  'GET /api/auth/me': { kind: 'exempt', reason: 'the caller\'s own account and posts; no other organization\'s data' },
  'GET /api/meta/org-enums': { kind: 'exempt', reason: ENUMS },
  'GET /api/meta/member-enums': { kind: 'exempt', reason: ENUMS },
  'GET /api/meta/regions': { kind: 'exempt', reason: 'the fixed table of Sichuan administrative divisions, no organization data' },
  'GET /api/transfers/meta': { kind: 'exempt', reason: ENUMS },
  'GET /api/admission/meta': { kind: 'exempt', reason: ENUMS },
  'GET /api/dues/meta': { kind: 'exempt', reason: ENUMS },
  'GET /api/evaluations/meta': { kind: 'exempt', reason: ENUMS },
  'GET /api/workplan/meta': { kind: 'exempt', reason: ENUMS },
  'GET /api/rules': { kind: 'exempt', reason: 'the rule table (every rule number with its source), the same for every organization' },
  'GET /api/accounts/roles': { kind: 'exempt', reason: 'the roles a post may grant, no organization data' },
  'GET /api/members/import-template.xlsx': { kind: 'exempt', reason: 'an empty import template' },
  'GET /api/members/imports/:jobId': { kind: 'exempt', reason: 'an import job answers only to the account that uploaded it (an unguessable id), whatever the scope; covered by src/modules/members/import/__tests__/member-import.test.ts' },
  'GET /api/members/imports/:jobId/errors.xlsx': { kind: 'exempt', reason: 'the error workbook of an import job, which answers only to the account that uploaded it; covered by src/modules/members/import/__tests__/member-import.test.ts' },
  'GET /api/members/full-exports/:id/download': { kind: 'exempt', reason: 'a full export answers only to the account that prepared it, once; covered by src/modules/exports/__tests__/full-export.test.ts' },
  'GET /api/transfers/destinations': { kind: 'exempt', reason: 'the search for a transfer\'s receiving branch: a member may move to any branch in the province, so it lists active branch names (no members) beyond the scope by design' },
  'GET /api/minor-access/report.xlsx': { kind: 'exempt', reason: 'the workbook of GET /api/minor-access/report (the same figures, no organization column), which is checked as a count route' },
  'GET /api/me/member': { kind: 'exempt', reason: SELF_SERVICE },
  'GET /api/me/member/:id/export': { kind: 'exempt', reason: SELF_SERVICE },
  'GET /api/me/dues': { kind: 'exempt', reason: SELF_SERVICE },
  'GET /api/me/transfers': { kind: 'exempt', reason: SELF_SERVICE },
  'GET /api/me/evaluations': { kind: 'exempt', reason: SELF_SERVICE },
  'GET /api/me/subject-requests': { kind: 'exempt', reason: SELF_SERVICE },

  'GET /api/orgs/tree': { kind: 'list', idKeys: ['id'], counts: true },
  'GET /api/orgs': { kind: 'list', queries: ['depth=subtree&pageSize=200', 'depth=subtree&q=%E5%9B%A2&pageSize=200'], counts: true },
  'GET /api/accounts/org-tree': { kind: 'list', idKeys: ['id'] },
  'GET /api/accounts': { kind: 'list', queries: ['pageSize=200'] },
  'GET /api/members': { kind: 'list', queries: ['pageSize=200', 'q=%E6%9D%8E&pageSize=200', 'worklist=age_out&pageSize=200'], counts: true },
  'GET /api/members/stats': { kind: 'list', counts: true, subtreeTotals: true },
  'GET /api/members/stats/weak-branches': { kind: 'list', queries: ['pageSize=200'], counts: true },
  'GET /api/dues/members': { kind: 'list', queries: ['pageSize=200'], counts: true },
  'GET /api/dues/stats': { kind: 'list', counts: true, subtreeTotals: true },
  'GET /api/transfers': { kind: 'list', queries: ['box=all&pageSize=200', 'box=todo&pageSize=200', 'box=incoming&pageSize=200', 'box=outgoing&pageSize=200'], counts: true },
  'GET /api/transfers/response-stats': { kind: 'list', counts: true, subtreeTotals: true },
  'GET /api/transfers/graduate-batches': { kind: 'list', counts: true },
  'GET /api/transfers/graduate-rate': { kind: 'list', counts: true, subtreeTotals: true },
  'GET /api/admission/applicants': { kind: 'list', queries: ['pageSize=200'], counts: true },
  'GET /api/admission/plan': { kind: 'list', counts: true, subtreeTotals: true },
  'GET /api/admission/ratios': { kind: 'list', counts: true, subtreeTotals: true },
  'GET /api/evaluations': { kind: 'list', counts: true },
  'GET /api/evaluations/progress': { kind: 'list', counts: true, subtreeTotals: true },
  'GET /api/evaluations/unregistered': { kind: 'list', counts: true },
  'GET /api/workplan/plans': { kind: 'list', workplan: true, counts: true },
  'GET /api/workplan/departments': { kind: 'list' },
  'GET /api/minor-access/requests/mine': { kind: 'list', counts: true },
  'GET /api/minor-access/requests/awaiting': { kind: 'list', counts: true },
  'GET /api/minor-access/report': { kind: 'list', counts: true },
  'GET /api/subject-requests': { kind: 'list', counts: true },
  'GET /api/todo': { kind: 'list', counts: true },
  'GET /api/audit': {
    kind: 'list', queries: ['pageSize=200'],
    itemPaths: async (db) => new Map((await db.selectFrom('audit_log').select(['id', 'org_path']).execute()).map((r) => [Number(r.id), r.org_path])),
  },
  'GET /api/security-alerts': {
    kind: 'list', queries: ['pageSize=100'],
    itemPaths: async (db) => new Map((await db.selectFrom('security_alert').select(['id', 'org_path']).execute()).map((r) => [Number(r.id), r.org_path])),
  },

  'GET /api/orgs/export.xlsx': {
    kind: 'export', header: '组织ID', orgsOfRow: async (row) => [Number(row['组织ID'])],
  },
  'GET /api/members/export.xlsx': {
    kind: 'export', header: '所在团支部',
    orgsOfRow: async (row, db) => (await db.selectFrom('member').innerJoin('organization', 'organization.id', 'member.org_id').select('member.org_id')
      .where('member.name', '=', row['姓名']!).where('member.birth_date', '=', row['出生日期']!).where('organization.name', '=', row['所在团支部']!).execute()).map((m) => m.org_id),
  },

  'GET /api/incidents': { kind: 'list', queries: ['pageSize=100'], counts: true },
  'GET /api/incidents/:id': { kind: 'detail', objects: async (db) => byPath(await db.selectFrom('incident').select(['id', 'org_path as path']).execute()) },
  'GET /api/orgs/:id': { kind: 'detail', objects: async (db) => byPath(await db.selectFrom('organization').select(['id', 'path']).execute()) },
  'GET /api/members/:id': { kind: 'detail', objects: members },
  'GET /api/members/:id/status-history': { kind: 'detail', objects: members },
  'GET /api/dues/members/:id': { kind: 'detail', objects: members },
  'GET /api/minor-access/members/:id': { kind: 'detail', objects: members },
  'GET /api/minor-access/applicants/:id': { kind: 'detail', objects: async (db) => byPath(await db.selectFrom('applicant').select(['id', 'org_path as path']).execute()) },
  'GET /api/transfers/:id': {
    kind: 'detail',
    objects: async (db) => (await db.selectFrom('transfer').select(['id', 'from_org_path', 'to_org_path', 'stage_org_path']).execute())
      .map((t) => ({ id: t.id, paths: [t.from_org_path, t.to_org_path, t.stage_org_path].filter((p): p is string => p !== null) })),
  },
  // A batch belongs to its school: its graduates are listed wherever their transfers took them, so
  // the rows' members are not placed by their current organization; the batch itself must be in scope.
  'GET /api/transfers/graduate-batches/:id/graduates': { kind: 'detail', ignoreKeys: ['memberId'], objects: async (db) => byPath(await db.selectFrom('graduate_batch').select(['id', 'school_org_path as path']).execute()) },
  'GET /api/admission/applicants/:id': { kind: 'detail', objects: async (db) => byPath(await db.selectFrom('applicant').select(['id', 'org_path as path']).execute()) },
  'GET /api/admission/notices/:id/publication.xlsx': { kind: 'detail', objects: async (db) => byPath(await db.selectFrom('admission_notice').select(['id', 'org_path as path']).execute()) },
  'GET /api/evaluations/:id': { kind: 'detail', objects: async (db) => byPath(await db.selectFrom('evaluation_cycle').select(['id', 'org_path as path']).execute()) },
  'GET /api/workplan/plans/:id': { kind: 'detail', workplan: true, objects: async (db) => [...(await planPaths(db))].map(([id, paths]) => ({ id, paths })) },
  'GET /api/workplan/plans/:id/supervision': { kind: 'detail', workplan: true, objects: async (db) => [...(await planPaths(db))].map(([id, paths]) => ({ id, paths })) },
  'GET /api/workplan/plans/:id/ledger.xlsx': { kind: 'detail', workplan: true, objects: async (db) => [...(await planPaths(db))].map(([id, paths]) => ({ id, paths })) },
  'GET /api/workplan/tasks/:id': {
    kind: 'detail', workplan: true,
    objects: async (db) => {
      const tasks = await db.selectFrom('plan_task').innerJoin('work_plan', 'work_plan.id', 'plan_task.plan_id').select(['plan_task.id', 'work_plan.org_path']).execute();
      const assigned = await db.selectFrom('plan_assignment').select(['task_id', 'org_path']).execute();
      return tasks.map((t) => ({ id: t.id, paths: [t.org_path, ...assigned.filter((a) => a.task_id === t.id).map((a) => a.org_path)] }));
    },
  },
  'GET /api/workplan/attachments/:id': {
    kind: 'detail', workplan: true,
    objects: async (db) => (await db.selectFrom('plan_attachment').innerJoin('plan_task', 'plan_task.id', 'plan_attachment.task_id').innerJoin('work_plan', 'work_plan.id', 'plan_task.plan_id')
      .select(['plan_attachment.id', 'plan_attachment.org_path', 'work_plan.org_path as plan_path']).execute()).map((a) => ({ id: a.id, paths: [a.plan_path, a.org_path] })),
  },
};
