export type OrgStatus = 'active' | 'inactive';

/** A node of the organization tree as GET /api/orgs/tree returns it. */
export type OrgTreeNode = {
  id: number;
  parentId: number | null;
  name: string;
  type: string;
  kind: string;
  status: OrgStatus;
  childCount: number;
};

/** 团组织: one organization with every field the API exposes. */
export type Org = {
  id: number;
  parentId: number | null;
  path: string;
  depth: number;
  name: string;
  shortName: string | null;
  type: string;
  kind: string;
  industryCategory: string;
  regionCode: string | null;
  regionName: string | null;
  foundedOn: string | null;
  lastElectionOn: string | null;
  termYears: number | null;
  nextElectionDue: string | null;
  electionOverdue: boolean;
  contactName: string | null;
  contactPhoneMasked: string | null;
  status: OrgStatus;
  deactivatedAt: string | null;
  deactivationReason: string | null;
  childCount: number;
  createdAt: string;
  updatedAt: string;
};

export type OrgListDepth = 'children' | 'subtree';

/** The table's filters; the same ones drive the Excel export. */
export type OrgListFilter = {
  parentId: number;
  depth: OrgListDepth;
  q?: string;
  type?: string;
  status?: OrgStatus;
};

export type OrgListQuery = OrgListFilter & { page: number; pageSize: number };

/** Body of POST /api/orgs; PATCH takes the same fields minus parentId, all optional. */
export type OrgInput = {
  parentId: number;
  name: string;
  shortName?: string | null;
  type: string;
  kind: string;
  industryCategory: string;
  regionCode?: string | null;
  foundedOn?: string | null;
  lastElectionOn?: string | null;
  termYears?: number | null;
  contactName?: string | null;
  contactPhone?: string | null;
};

export type OrgPatch = Partial<Omit<OrgInput, 'parentId'>>;

/** An enumerated value with its labels, e.g. 组织类型 `{ code: 'branch', zh: '团支部', en: 'Branch' }`. */
export type EnumItem = { code: string; zh: string; en: string };

export type OrgEnums = {
  types: EnumItem[];
  kinds: EnumItem[];
  industryCategories: EnumItem[];
  /** Not in the written contract; the backend sends it and the form uses it when present. */
  maxTermYears?: number;
};

/** GB/T 2260 行政区划. */
export type Region = {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  parentCode: string | null;
};
