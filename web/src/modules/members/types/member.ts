import type { EnumItem } from '../../org/types/org';

export type Sex = 'male' | 'female';

/** 团员: one member as the API returns it; the ID and phone numbers arrive masked. */
export type Member = {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  idType: string;
  idNumberMasked: string;
  /** YYYY-MM-DD */
  birthDate: string;
  age: number;
  sex: Sex;
  ethnicity: string;
  politicalStatus: string;
  educationFullTime: string | null;
  educationHighest: string | null;
  occupation: string;
  incomeBand: string | null;
  /** 入团年月, YYYY-MM */
  joinedLeagueOn: string;
  /** 团员编号, 12 digits */
  developmentNumber: string | null;
  leaguePost: string | null;
  isCadre: boolean;
  cadreNature: string | null;
  phoneMasked: string | null;
  /** 入党年月, YYYY-MM */
  joinedPartyOn: string | null;
  volunteerRegisteredOn: string | null;
  household: string | null;
  workplace: string | null;
  status: string;
  /** 保留团籍的党员: a Party member (or probationary member) who still holds 团籍. */
  partyMemberKeepingMembership: boolean;
  /** 安全标记: MINOR_SENSITIVE while the member is younger than the label age; opening needs an approval. */
  labels: 'MINOR_SENSITIVE'[];
  createdAt: string;
  updatedAt: string;
};

export type MemberEnums = {
  ethnicities: EnumItem[];
  politicalStatuses: EnumItem[];
  educationLevels: EnumItem[];
  occupations: EnumItem[];
  idTypes: EnumItem[];
  leaguePostsCommittee: EnumItem[];
  leaguePostsBranch: EnumItem[];
  cadreNatures: EnumItem[];
  incomeBands: EnumItem[];
  statuses: EnumItem[];
};

export type MemberEnumGroup = keyof MemberEnums;

/** 超龄待离团 (normal members at or over the age limit) or 待我审批 (pending exits below the post). */
export type MemberWorklist = 'age_out' | 'pending_approval';

export type MemberSortField = 'name' | 'birthDate' | 'joinedLeagueOn';
export type MemberSort = { sort: MemberSortField; order: 'asc' | 'desc' };

/** The table's filters; the same ones drive the Excel export. */
export type MemberListFilter = {
  /** The whole subtree of this organization; absent = everything the post may see. */
  orgId?: number;
  /** 姓名, 拼音首字母, 身份证号, 手机号 or 团员编号: the server tells which. */
  q?: string;
  status?: string;
  sex?: Sex;
  ethnicity?: string;
  politicalStatus?: string;
  education?: string;
  occupation?: string;
  ageMin?: number;
  ageMax?: number;
  /** YYYY-MM, inclusive. */
  joinedFrom?: string;
  /** YYYY-MM, inclusive. */
  joinedTo?: string;
  isCadre?: boolean;
  /** Party members (including probationary) only, or everyone else. */
  partyMember?: boolean;
  worklist?: MemberWorklist;
  sort?: MemberSortField;
  order?: 'asc' | 'desc';
};

export type MemberListQuery = MemberListFilter & { page: number; pageSize: number };

/** Body of POST /api/members; PATCH takes the same fields minus orgId, all optional, null clears. */
export type MemberInput = {
  orgId: number;
  name: string;
  idType: string;
  idNumber: string;
  birthDate?: string | null;
  sex?: Sex | null;
  ethnicity: string;
  politicalStatus: string;
  educationFullTime?: string | null;
  educationHighest?: string | null;
  occupation: string;
  incomeBand?: string | null;
  joinedLeagueOn: string;
  developmentNumber?: string | null;
  leaguePost?: string | null;
  isCadre?: boolean;
  cadreNature?: string | null;
  phone?: string | null;
  joinedPartyOn?: string | null;
  volunteerRegisteredOn?: string | null;
  household?: string | null;
  workplace?: string | null;
};

export type MemberPatch = Partial<Omit<MemberInput, 'orgId'>>;

/** The answer of POST /api/members/:id/reveal; kept in component state only, never stored. */
export type RevealedMember = { idNumber: string; phone: string | null };
