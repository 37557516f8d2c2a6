import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../../../platform/db/schema.ts';
import type { DataScope } from '../../../platform/scope/data-scope.ts';
import { scopedOrgs } from '../../org/org.repository.ts';
import { scopedMembers } from '../member.repository.ts';
import { columnByKey, normalizeLabel } from './import-columns.ts';
import type { Problem, RowKeys } from './import-row-checker.ts';

const CHUNK = 500;
const NAMED_ROWS = 5;

const problemOf = (key: 'orgId' | 'orgName' | 'idNumber' | 'developmentNumber', code: string, zh: string, en: string): Problem => {
  const header = columnByKey.get(key)!.header;
  return { column: header, code, zh: `${header}：${zh}`, en: `${header}: ${en}` };
};

/**
 * The checks that need other rows or the database: the branch of each row, the same person or
 * 团员编号 twice in the file (both rows are named), and people or numbers already registered.
 * Rows are added one by one while the file streams; only keys are kept (blind indexes, not
 * ID numbers), and the database is asked in chunks once the file has been read.
 */
export class ImportFileChecks {
  readonly #byIdIndex = new Map<string, number[]>();
  readonly #byDevelopmentNumber = new Map<string, number[]>();
  readonly #byOrg = new Map<number, { rows: number[]; names: Map<string, number[]> }>();

  add(rowNumber: number, keys: RowKeys): void {
    if (keys.idIndex) push(this.#byIdIndex, keys.idIndex, rowNumber);
    if (keys.developmentNumber) push(this.#byDevelopmentNumber, keys.developmentNumber, rowNumber);
    if (keys.orgId !== null) {
      let org = this.#byOrg.get(keys.orgId);
      if (!org) this.#byOrg.set(keys.orgId, (org = { rows: [], names: new Map() }));
      org.rows.push(rowNumber);
      if (keys.orgName) push(org.names, normalizeLabel(keys.orgName), rowNumber);
    }
  }

  /** The branches the rows name (for the import to lock and re-check). */
  get orgIds(): number[] {
    return [...this.#byOrg.keys()];
  }

  /** Problems by row number. */
  async problems(db: Kysely<Database>, scope: DataScope): Promise<Map<number, Problem[]>> {
    const found = new Map<number, Problem[]>();
    const report = (rows: number[], p: Problem) => {
      for (const row of rows) push(found, row, p);
    };
    this.#duplicatesInFile(report);
    await this.#branches(db, scope, report);
    await this.#registered(db, scope, report);
    return found;
  }

  #duplicatesInFile(report: (rows: number[], p: Problem) => void): void {
    for (const rows of this.#byIdIndex.values()) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        const others = rows.filter((r) => r !== row);
        report([row], problemOf('idNumber', 'duplicate_in_file', `与第${listRows(others)}行是同一证件号码，同一人只能登记一次，请删除重复的行`, `same number as row ${listRowsEn(others)}; a person is registered once, remove the repeated rows`));
      }
    }
    for (const rows of this.#byDevelopmentNumber.values()) {
      if (rows.length < 2) continue;
      for (const row of rows) {
        const others = rows.filter((r) => r !== row);
        report([row], problemOf('developmentNumber', 'duplicate_in_file', `与第${listRows(others)}行的团员编号相同，团员编号不能重复`, `same 团员编号 as row ${listRowsEn(others)}; each number belongs to one member`));
      }
    }
  }

  async #branches(db: Kysely<Database>, scope: DataScope, report: (rows: number[], p: Problem) => void): Promise<void> {
    const visible = new Map<number, OrganizationRow>();
    for (const ids of chunks(this.orgIds)) {
      for (const org of await scopedOrgs(db, scope).selectAll().where('id', 'in', ids).execute()) visible.set(org.id, org);
    }
    for (const [orgId, { rows, names }] of this.#byOrg) {
      const org = visible.get(orgId);
      // Missing and out of scope read the same, so the file cannot be used to probe other organizations.
      if (!org) {
        report(rows, problemOf('orgId', 'org_not_found', `编号${orgId}的组织不存在或不在您的管辖范围内`, `organization ${orgId} does not exist or is outside your scope`));
        continue;
      }
      if (org.type !== 'branch') {
        report(rows, problemOf('orgId', 'not_a_branch', `编号${orgId}是“${org.name}”，不是团支部；团员只能编入团支部`, `${orgId} is "${org.name}", not a branch; members belong to a branch`));
      } else if (org.status !== 'active') {
        report(rows, problemOf('orgId', 'org_inactive', `“${org.name}”已停用，不能编入团员`, `"${org.name}" is inactive`));
      }
      for (const [name, named] of names) {
        if (name !== normalizeLabel(org.name)) {
          report(named, problemOf('orgName', 'org_name_mismatch', `与编号不符：编号${orgId}是“${org.name}”，请核对编号和名称`, `does not match: ${orgId} is "${org.name}"; check the number and the name`));
        }
      }
    }
  }

  async #registered(db: Kysely<Database>, scope: DataScope, report: (rows: number[], p: Problem) => void): Promise<void> {
    for (const indexes of chunks([...this.#byIdIndex.keys()])) {
      const existing = await db.selectFrom('member').select('id_number_index').where('id_number_index', 'in', indexes).where('is_active', '=', 1).execute();
      if (existing.length === 0) continue;
      const where = await scopedMembers(db, scope)
        .select(['member.id_number_index', 'organization.name as org_name'])
        .where('member.id_number_index', 'in', existing.map((e) => e.id_number_index))
        .where('member.is_active', '=', 1)
        .execute();
      const visibleIn = new Map(where.map((w) => [w.id_number_index, w.org_name]));
      for (const { id_number_index } of existing) {
        const orgName = visibleIn.get(id_number_index);
        // As refuseDuplicates: the branch is named only when the uploader may see it.
        report(this.#byIdIndex.get(id_number_index)!, orgName
          ? problemOf('idNumber', 'duplicate_member', `此人已是团员（${orgName}），不能重复登记`, `this person is already a member (${orgName})`)
          : problemOf('idNumber', 'duplicate_member', '此证件号码已登记为其他组织的团员，请联系其所在组织办理组织关系转接', 'this person is already a member elsewhere; ask that organization for a transfer'));
      }
    }
    for (const numbers of chunks([...this.#byDevelopmentNumber.keys()])) {
      const used = await db.selectFrom('member').select('development_number').where('development_number', 'in', numbers).execute();
      for (const { development_number } of used) {
        report(this.#byDevelopmentNumber.get(development_number!)!, problemOf('developmentNumber', 'duplicate', '该团员编号已被使用', 'this number is already used'));
      }
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

/** "3、8、12" or "3、8、12、15、21等共9" (rows after the fifth are counted, not listed). */
function listRows(rows: number[]): string {
  const shown = rows.slice(0, NAMED_ROWS).join('、');
  return rows.length > NAMED_ROWS ? `${shown}等共${rows.length}` : shown;
}

function listRowsEn(rows: number[]): string {
  const shown = rows.slice(0, NAMED_ROWS).join(', ');
  return rows.length > NAMED_ROWS ? `${shown} and ${rows.length - NAMED_ROWS} more` : shown;
}
