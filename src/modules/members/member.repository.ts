import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { AppError } from '../../platform/http/app-error.ts';
import type { Database, MemberRow } from '../../platform/db/schema.ts';
import type { BlindIndex } from '../../platform/pii/blind-index.ts';
import { scopePredicate, type DataScope } from '../../platform/scope/data-scope.ts';
import { rule } from '../../platform/rules/rules.ts';
import { EXIT_KINDS, pendingOf } from './status-machine.ts';
import { PARTY_STATUSES } from './member-enums.ts';
import { yearsBefore } from '../../platform/time/china-date.ts';
import { escapeLike } from '../../platform/db/escape-like.ts';

/**
 * Members the scope may see, from the member table alone. Every read of the table starts here or
 * at scopedMembers; lists filter and page on this so that the database never joins rows it drops.
 */
export function scopedMemberTable(db: Kysely<Database>, scope: DataScope) {
  const query = db.selectFrom('member');
  if (scope.kind === 'self') {
    // 仅本人: the one record linked to the signed-in account, if any — restricted or not, it is the person's own.
    return query.where('member.id', '=', (eb) => eb.selectFrom('app_user').select('app_user.member_id').where('app_user.id', '=', scope.userId ?? -1));
  }
  // 限制处理 (PIPL Art. 47 ¶2, DOMAIN §12 LAW-05): a restricted record is stored only, so no read path shows it.
  return query.where(scopePredicate<Database, 'member'>(scope, { path: 'member.org_path', orgId: 'member.org_id' })).where('member.restricted_at', 'is', null);
}

/** Members the scope may see, joined to their branch for its name. */
export function scopedMembers(db: Kysely<Database>, scope: DataScope) {
  return scopedMemberTable(db, scope).innerJoin('organization', 'organization.id', 'member.org_id');
}

/**
 * A page of member rows (already filtered, ordered and cut) joined to their branches' names,
 * in the same order. Joining after the LIMIT touches only the page's rows.
 */
export function withBranchNames(
  db: Kysely<Database>,
  page: SelectQueryBuilder<Database, 'member', MemberRow>,
  order: readonly { column: keyof MemberRow; direction: 'asc' | 'desc' }[],
) {
  let joined = db
    .selectFrom(page.as('m'))
    .innerJoin('organization', 'organization.id', 'm.org_id')
    .selectAll('m')
    .select('organization.name as org_name');
  for (const { column, direction } of order) joined = joined.orderBy(`m.${column}`, direction);
  return joined;
}

/** A member row with its branch's name and industry. */
export type ScopedMemberRow = MemberRow & { org_name: string; org_industry: string };

export async function findMemberInScope(db: Kysely<Database>, scope: DataScope, id: number): Promise<ScopedMemberRow | undefined> {
  return scopedMembers(db, scope)
    .selectAll('member')
    .select(['organization.name as org_name', 'organization.industry_category as org_industry'])
    .where('member.id', '=', id)
    .executeTakeFirst();
}

export async function requireMemberInScope(db: Kysely<Database>, scope: DataScope, id: number): Promise<ScopedMemberRow> {
  const row = await findMemberInScope(db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A filter for listing members. */
export type MemberListFilter = {
  /** The subtree of this organization's path (already checked to be in scope). */
  underPath?: string;
  /** Name, pinyin initials, an exact 18-digit ID, an 11-digit phone or a 12-digit 团员编号. */
  q?: string;
  status?: string;
  sex?: string;
  ethnicity?: string;
  politicalStatus?: string;
  education?: string;
  occupation?: string;
  ageMin?: number;
  ageMax?: number;
  joinedFrom?: string;
  joinedTo?: string;
  isCadre?: boolean;
  /** Party members (including probationary) only, or everyone else. */
  partyMember?: boolean;
  /** 超龄离团 (normal members who reached the age limit) or 待我审批 (pending changes below the post). */
  worklist?: 'age_out' | 'pending_approval';
};


/** The filtered members in scope (member table only, no join), not yet ordered or paged. */
export function filteredMembers(db: Kysely<Database>, scope: DataScope, filter: MemberListFilter, blindIndex: BlindIndex, today: string) {
  let query = scopedMemberTable(db, scope);
  if (filter.underPath) query = query.where('member.org_path', 'like', `${filter.underPath}%`);
  const q = filter.q?.trim();
  if (q) {
    if (/^\d{17}[\dXx]$/.test(q)) query = query.where('member.id_number_index', '=', blindIndex.of('resident_id', q.toUpperCase()));
    else if (/^1\d{10}$/.test(q)) query = query.where('member.phone_index', '=', blindIndex.of('phone', q));
    else if (/^\d{12}$/.test(q)) query = query.where('member.development_number', '=', q);
    else {
      const initials = q.toLowerCase();
      query = query.where((eb) =>
        eb.or([
          sql<boolean>`member.name like ${`%${escapeLike(q)}%`} escape '\\'`,
          ...(/^[a-z]+$/.test(initials) ? [sql<boolean>`member.name_initials like ${`${escapeLike(initials)}%`} escape '\\'`] : []),
        ]),
      );
    }
  }
  if (filter.status) query = query.where('member.status', '=', filter.status);
  if (filter.sex) query = query.where('member.sex', '=', filter.sex);
  if (filter.ethnicity) query = query.where('member.ethnicity', '=', filter.ethnicity);
  if (filter.politicalStatus) query = query.where('member.political_status', '=', filter.politicalStatus);
  if (filter.education) {
    const education = filter.education;
    query = query.where((eb) => eb.or([eb('member.education_full_time', '=', education), eb('member.education_highest', '=', education)]));
  }
  if (filter.occupation) query = query.where('member.occupation', '=', filter.occupation);
  // Age a..b means born after (today − (b+1) years) and on or before (today − a years).
  if (filter.ageMin !== undefined) query = query.where('member.birth_date', '<=', yearsBefore(today, filter.ageMin));
  if (filter.ageMax !== undefined) query = query.where('member.birth_date', '>', yearsBefore(today, filter.ageMax + 1));
  if (filter.joinedFrom) query = query.where('member.joined_league_on', '>=', filter.joinedFrom);
  if (filter.joinedTo) query = query.where('member.joined_league_on', '<=', filter.joinedTo);
  if (filter.isCadre !== undefined) query = query.where('member.is_cadre', '=', filter.isCadre ? 1 : 0);
  if (filter.partyMember !== undefined) {
    query = query.where('member.political_status', filter.partyMember ? 'in' : 'not in', [...PARTY_STATUSES]);
  }
  if (filter.worklist === 'age_out') {
    query = query.where('member.status', '=', 'normal').where('member.birth_date', '<=', yearsBefore(today, rule('membership.maxAge')));
  } else if (filter.worklist === 'pending_approval') {
    const above = scope.postOrgPath ?? '';
    query = query.where('member.status', 'in', EXIT_KINDS.map(pendingOf)).where('member.org_path', 'like', `${above}%`).where('member.org_path', '!=', above);
  }
  return query;
}
