import { PassThrough } from 'node:stream';
import type { SelectQueryBuilder } from 'kysely';
import ExcelJS from '../../platform/excel/exceljs.ts';
import { countHourlyUse } from '../../platform/alerts/hourly-limit.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, MemberRow } from '../../platform/db/schema.ts';
import { neutralizeFormula } from '../../platform/excel/neutralize-formula.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { labelOf } from '../org/org-enums.ts';
import {
  CADRE_NATURES, EDUCATION_LEVELS, ETHNICITIES, ID_TYPES, LEAGUE_POSTS_BRANCH, MEMBER_STATUSES, OCCUPATIONS, POLITICAL_STATUSES,
} from './member-enums.ts';
import { toMemberDto, type MemberDto } from './member.dto.ts';
import { filteredMembers, withBranchNames, type MemberListFilter } from './member.repository.ts';
import { memberFilterOf, type MemberListRequest } from './find-members.ts';
import { gateMinorExport } from '../minors/gate-minor-export.ts';

const optionalLabel = (items: Parameters<typeof labelOf>[0], code: string | null) => (code ? labelOf(items, code) : null);

/** One exported member: the masked DTO, plus the full numbers in a full export only. */
type ExportedMember = MemberDto & { full?: { idNumber: string; phone: string | null } };

const COLUMNS: { header: string; width: number; value: (m: ExportedMember) => string | number | null }[] = [
  { header: '姓名', width: 10, value: (m) => m.name },
  { header: '证件类型', width: 14, value: (m) => labelOf(ID_TYPES, m.idType) },
  { header: '证件号码', width: 22, value: (m) => (m.full ? m.full.idNumber : m.idNumberMasked) },
  { header: '出生日期', width: 12, value: (m) => m.birthDate },
  { header: '年龄', width: 6, value: (m) => m.age },
  { header: '性别', width: 6, value: (m) => (m.sex === 'male' ? '男' : '女') },
  { header: '民族', width: 10, value: (m) => labelOf(ETHNICITIES, m.ethnicity) },
  { header: '政治面貌', width: 12, value: (m) => labelOf(POLITICAL_STATUSES, m.politicalStatus) },
  { header: '全日制学历', width: 14, value: (m) => optionalLabel(EDUCATION_LEVELS, m.educationFullTime) },
  { header: '最高学历', width: 14, value: (m) => optionalLabel(EDUCATION_LEVELS, m.educationHighest) },
  { header: '职业', width: 16, value: (m) => labelOf(OCCUPATIONS, m.occupation) },
  { header: '入团年月', width: 10, value: (m) => m.joinedLeagueOn },
  { header: '团员编号', width: 14, value: (m) => m.developmentNumber },
  { header: '所在团支部', width: 28, value: (m) => m.orgName },
  { header: '团内职务', width: 10, value: (m) => optionalLabel(LEAGUE_POSTS_BRANCH, m.leaguePost) },
  { header: '是否团干部', width: 8, value: (m) => (m.isCadre ? '是' : '否') },
  { header: '团干部性质', width: 8, value: (m) => optionalLabel(CADRE_NATURES, m.cadreNature) },
  { header: '手机号码', width: 14, value: (m) => (m.full ? m.full.phone : m.phoneMasked) },
  { header: '入党年月', width: 10, value: (m) => m.joinedPartyOn },
  { header: '团籍状态', width: 14, value: (m) => labelOf(MEMBER_STATUSES, m.status) },
];

/** The members a filter selects in scope, counted and refused above the per-file limit. */
export async function membersToExport(ctx: ServiceContext, request: Omit<MemberListRequest, 'page' | 'pageSize'>, today: string) {
  const filter: MemberListFilter = await memberFilterOf(ctx, request);
  // Minors' rows leave only under the caller's approval grants; the rest are withheld and counted (DOMAIN §12 LAW-09).
  const minors = await gateMinorExport(ctx, filteredMembers(ctx.db, ctx.scope, filter, ctx.blindIndex, today), today);
  const base = minors.query;
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (total > rule('org.exportMaxRows')) throw new AppError('EXPORT_TOO_LARGE', { extra: { rows: total, limit: rule('org.exportMaxRows') } });
  return { filter, base, total, minors };
}

/** What an export's audit row says about the filter: a searched ID or phone number stays out of the log. */
export function auditedFilterOf(request: Omit<MemberListRequest, 'page' | 'pageSize'>): Record<string, unknown> {
  const { q, ...rest } = request;
  return { ...rest, q: q ? '(search)' : undefined };
}

/** The header row of the member sheet, with the column widths. */
export function memberSheetColumns() {
  return COLUMNS.map((c) => ({ header: c.header, width: c.width }));
}

/**
 * Write the selected members as rows of `sheet`, in keyset pages of (org_path, id), the order of the
 * path index, so each page costs the same. `full` puts the whole ID and phone numbers in (完整导出).
 */
export async function writeMemberRows(
  ctx: ServiceContext,
  base: SelectQueryBuilder<Database, 'member', object>,
  sheet: { addRow(values: unknown[]): { commit(): void } },
  options: { today: string; batchRows: number; full: boolean },
): Promise<void> {
  let after: { path: string; id: number } | null = null;
  for (;;) {
    let page = base.selectAll('member') as SelectQueryBuilder<Database, 'member', MemberRow>;
    if (after) {
      const { path, id } = after;
      page = page.where((eb) => eb.or([eb('member.org_path', '>', path), eb.and([eb('member.org_path', '=', path), eb('member.id', '>', id)])]));
    }
    page = page.orderBy('member.org_path').orderBy('member.id').limit(options.batchRows);
    const rows = await withBranchNames(ctx.db, page, [{ column: 'org_path', direction: 'asc' }, { column: 'id', direction: 'asc' }]).execute();
    for (const row of rows) {
      const member: ExportedMember = toMemberDto(row, options.today);
      if (options.full) member.full = { idNumber: ctx.cipher.decrypt(row.id_number_enc), phone: row.phone_enc ? ctx.cipher.decrypt(row.phone_enc) : null };
      sheet.addRow(COLUMNS.map((c) => neutralizeFormula(c.value(member)))).commit();
    }
    if (rows.length < options.batchRows) break;
    const last = rows[rows.length - 1]!;
    after = { path: last.org_path, id: last.id };
  }
}

/** 导出团员: the filtered members in scope, masked, as a streamed xlsx; counted against the hourly limit and audited before it starts. */
export async function exportMembers(
  ctx: ServiceContext,
  request: Omit<MemberListRequest, 'page' | 'pageSize'>,
  options: { batchRows?: number } = {},
): Promise<{ stream: PassThrough; rows: number; withheldMinors: number }> {
  const batchRows = options.batchRows ?? 2000;
  const today = todayInChina();
  const { filter, base, total, minors } = await membersToExport(ctx, request, today);
  await countHourlyUse(ctx, 'export');
  await ctx.db.transaction().execute(async (trx) => {
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'member.export', orgPath: filter.underPath ?? null, targetType: 'member', targetLabel: filter.underPath ? undefined : '管辖范围内全部团员',
      detail: { filter: auditedFilterOf(request), rows: total, masked: true, withheldMinors: minors.withheld },
    });
    await minors.record(trx); // pii.minor.export per minor's row leaving under a grant
  });
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('团员');
  sheet.columns = memberSheetColumns();
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      await writeMemberRows(ctx, base, sheet, { today, batchRows, full: false });
      sheet.commit();
      minors.explain(workbook);
      await workbook.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return { stream, rows: total, withheldMinors: minors.withheld };
}
