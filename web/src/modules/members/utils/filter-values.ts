import dayjs, { type Dayjs } from 'dayjs';
import type { MemberListFilter, Sex } from '../types/member';

/** Everything the filter row sets; search text, sort and the tree selection are kept apart. */
export type MemberFilterValues = Omit<MemberListFilter, 'orgId' | 'q' | 'sort' | 'order' | 'worklist'>;

/** The same filters as the panel's form holds them. */
export type FilterFormValues = {
  status?: string;
  sex?: Sex;
  ethnicity?: string;
  politicalStatus?: string;
  education?: string;
  occupation?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  joinedFrom?: Dayjs | null;
  joinedTo?: Dayjs | null;
  isCadre?: 'yes' | 'no';
  partyMember?: 'yes' | 'no';
};

export const FILTER_MONTH = 'YYYY-MM';

// Every key is listed so that setFieldsValue also clears what the new values leave out.
export function toFilterForm(values: MemberFilterValues): FilterFormValues {
  return {
    status: values.status,
    sex: values.sex,
    ethnicity: values.ethnicity,
    politicalStatus: values.politicalStatus,
    education: values.education,
    occupation: values.occupation,
    ageMin: values.ageMin ?? null,
    ageMax: values.ageMax ?? null,
    joinedFrom: values.joinedFrom ? dayjs(values.joinedFrom, FILTER_MONTH) : null,
    joinedTo: values.joinedTo ? dayjs(values.joinedTo, FILTER_MONTH) : null,
    isCadre: values.isCadre === undefined ? undefined : values.isCadre ? 'yes' : 'no',
    partyMember: values.partyMember === undefined ? undefined : values.partyMember ? 'yes' : 'no',
  };
}

export function fromFilterForm(values: FilterFormValues): MemberFilterValues {
  return {
    status: values.status,
    sex: values.sex,
    ethnicity: values.ethnicity,
    politicalStatus: values.politicalStatus,
    education: values.education,
    occupation: values.occupation,
    ageMin: values.ageMin ?? undefined,
    ageMax: values.ageMax ?? undefined,
    joinedFrom: values.joinedFrom?.format(FILTER_MONTH),
    joinedTo: values.joinedTo?.format(FILTER_MONTH),
    isCadre: values.isCadre === undefined ? undefined : values.isCadre === 'yes',
    partyMember: values.partyMember === undefined ? undefined : values.partyMember === 'yes',
  };
}

/** How many filters are set, for the badge on the collapsed 筛选 button. */
export function countFilters(values: MemberFilterValues): number {
  const { ageMin, ageMax, joinedFrom, joinedTo, ...rest } = values;
  const single = Object.values(rest).filter((v) => v !== undefined && v !== '').length;
  const age = ageMin !== undefined || ageMax !== undefined ? 1 : 0;
  const joined = joinedFrom || joinedTo ? 1 : 0;
  return single + age + joined;
}
