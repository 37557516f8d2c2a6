import { sql } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import { SeededRandom } from '../src/modules/org/seed/synthetic-grassroots.ts';
import type { GraduateAssignment } from '../src/modules/transfers/assign-graduates.ts';

/** The committees seedProvinceScale makes for schools (中学团委, 职业技术学校团委), by their field. */
const SCHOOL_INDUSTRIES = ['senior_high', 'vocational_school'];

export type School = { id: number; path: string; name: string; countyPath: string };

export type GraduateMarking = {
  /** School committees in the tree, and those given graduating branches. */
  schoolsInTree: number;
  schools: School[];
  /** Branches under school committees, and how many of them were marked 毕业生. */
  schoolBranches: number;
  markedBranches: number;
  /** Members in good standing in the marked branches: the graduates the batches will hold. */
  graduates: number;
  /** Counting the members per branch and the UPDATEs, not part of any product timing. */
  ms: number;
};

/**
 * seedProvinceScale marks no branch as graduating (kind 'graduate'), so the benchmark does it with a
 * direct UPDATE in the scratch database, as a school would by editing its branches: one branch per
 * school in turn (the k-th branch of every school before the (k+1)-th of any), until the members in
 * good standing in the marked branches reach `wanted`. Graduates are thus spread over every school
 * of the province, a few branches each, as a graduating year is.
 */
export async function markGraduateBranches(db: Db, wanted: number): Promise<GraduateMarking> {
  const started = performance.now();
  const schoolRows = await db.selectFrom('organization').select(['id', 'path', 'name', 'parent_id'])
    .where('type', '=', 'committee').where('industry_category', 'in', SCHOOL_INDUSTRIES).where('status', '=', 'active').orderBy('id').execute();
  const parentPaths = new Map((await db.selectFrom('organization').select(['id', 'path']).where('type', '=', 'leading_body').execute()).map((o) => [o.id, o.path]));
  const schoolById = new Map(schoolRows.map((s) => [s.id, { id: s.id, path: s.path, name: s.name, countyPath: parentPaths.get(s.parent_id!) ?? s.path }]));

  // Members in good standing per branch (openGraduateBatch takes exactly these), one pass over member.
  const counts = new Map((await db.selectFrom('member').select(['org_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'normal').groupBy('org_id').execute()).map((r) => [r.org_id, Number(r.n)]));
  const branches = await db.selectFrom('organization').select(['id', 'path'])
    .where('type', '=', 'branch').where('status', '=', 'active').where('kind', '=', 'normal').where('industry_category', 'in', SCHOOL_INDUSTRIES).orderBy('path').execute();
  const bySchool = new Map<number, { id: number; n: number }[]>();
  for (const b of branches) {
    // The school is the ancestor on the branch's path that is a school committee.
    const schoolId = b.path.split('/').filter(Boolean).map(Number).find((id) => schoolById.has(id));
    const n = counts.get(b.id) ?? 0;
    if (schoolId === undefined || n === 0) continue;
    let list = bySchool.get(schoolId);
    if (!list) bySchool.set(schoolId, (list = []));
    list.push({ id: b.id, n });
  }

  const marked: number[] = [];
  const schoolsUsed = new Set<number>();
  let graduates = 0;
  const order = [...bySchool.keys()].sort((a, b) => a - b);
  for (let round = 0; graduates < wanted; round++) {
    const before = marked.length;
    for (const schoolId of order) {
      const branch = bySchool.get(schoolId)![round];
      if (!branch) continue;
      marked.push(branch.id);
      schoolsUsed.add(schoolId);
      graduates += branch.n;
      if (graduates >= wanted) break;
    }
    if (marked.length === before) {
      throw new Error(`only ${graduates.toLocaleString('en-US')} members are in branches of school committees, ${wanted.toLocaleString('en-US')} graduates are wanted: raise --member-total or lower --transfer-total`);
    }
  }
  const now = new Date().toISOString();
  for (let i = 0; i < marked.length; i += 500) {
    await db.updateTable('organization').set({ kind: 'graduate', updated_at: now }).where('id', 'in', marked.slice(i, i + 500)).execute();
  }
  if (db.engine === 'postgres') await sql`analyze organization`.execute(db);
  return {
    schoolsInTree: schoolRows.length,
    schools: order.filter((id) => schoolsUsed.has(id)).map((id) => schoolById.get(id)!),
    schoolBranches: branches.length,
    markedBranches: marked.length,
    graduates,
    ms: performance.now() - started,
  };
}

/** One assignGraduates call: a batch and up to 500 of its graduates. */
export type AssignmentChunk = { batchId: number; school: School; rows: GraduateAssignment[] };

export type AssignmentPlan = { chunks: AssignmentChunk[]; transfers: number; retained: number; unassigned: number };

/** Rows per assignGraduates call: what a school would send from one page of its list. */
export const ASSIGN_CHUNK = 500;

/**
 * Where the graduates go: the first `transfers` (by batch, then member) to an active branch in
 * another county — every third to a school branch (升学), the others to any other branch (就业); of
 * the graduates beyond that, every other one stays at the school (studying abroad / not yet
 * employed), the rest are left unassigned, so that the rate report has all its columns to count.
 */
export async function planAssignments(db: Db, batches: Map<number, School>, transfers: number): Promise<AssignmentPlan> {
  const graduates = await db.selectFrom('graduate_batch_member').select(['batch_id', 'member_id']).orderBy('batch_id').orderBy('member_id').execute();
  if (graduates.length < transfers) throw new Error(`the batches hold ${graduates.length} graduates, ${transfers} transfers are wanted`);
  const targets = await db.selectFrom('organization').select(['id', 'path', 'industry_category'])
    .where('type', '=', 'branch').where('status', '=', 'active').where('kind', '=', 'normal').orderBy('id').execute();
  const schoolTargets = targets.filter((t) => SCHOOL_INDUSTRIES.includes(t.industry_category));
  const otherTargets = targets.filter((t) => !SCHOOL_INDUSTRIES.includes(t.industry_category));
  const random = new SeededRandom(200_000);
  const elsewhere = (pool: typeof targets, countyPath: string) => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const t = random.pick(pool.length > 0 ? pool : targets);
      if (!t.path.startsWith(countyPath)) return t.id;
    }
    throw new Error(`no active branch outside ${countyPath} to send graduates to`);
  };

  const chunks: AssignmentChunk[] = [];
  let retained = 0;
  let current: AssignmentChunk | null = null;
  for (const [index, g] of graduates.entries()) {
    const school = batches.get(g.batch_id)!;
    let row: GraduateAssignment | null;
    if (index < transfers) {
      const furtherStudy = index % 3 === 2;
      row = { memberId: g.member_id, destination: furtherStudy ? 'further_study' : 'employment', toOrgId: elsewhere(furtherStudy ? schoolTargets : otherTargets, school.countyPath) };
    } else if ((index - transfers) % 2 === 0) {
      row = { memberId: g.member_id, destination: retained % 2 === 0 ? 'abroad' : 'unemployed' };
      retained++;
    } else {
      row = null;
    }
    if (!row) continue;
    if (!current || current.batchId !== g.batch_id || current.rows.length === ASSIGN_CHUNK) chunks.push((current = { batchId: g.batch_id, school, rows: [] }));
    current.rows.push(row);
  }
  return { chunks, transfers, retained, unassigned: graduates.length - transfers - retained };
}
