/** 工作要点 as the API answers it (src/modules/workplan). */

export type TaskState = 'done' | 'on_track' | 'lagging' | 'overdue';
export const TASK_STATES: readonly TaskState[] = ['done', 'on_track', 'lagging', 'overdue'];

export type StateCounts = Record<TaskState, number>;
export type Comparator = '>=' | '<=' | '=';
export type ProgressSource = 'targets' | 'milestones' | 'reported' | 'none';

export type WorkplanEnumItem = { code: string; zh: string; en: string };

/** GET /api/workplan/meta. */
export type WorkplanMeta = {
  comparators: WorkplanEnumItem[];
  targetStatuses: WorkplanEnumItem[];
  reportKinds: WorkplanEnumItem[];
  remarkKinds: WorkplanEnumItem[];
  taskStates: WorkplanEnumItem[];
  progressSources: WorkplanEnumItem[];
  metrics: { key: string; zh: string; en: string; unit: string; module: string }[];
  rules: { lagTolerancePercent: number; reportStaleDays: number; maxDocumentBytes: number; maxAttachmentBytes: number };
};

/** A plan in the list. */
export type PlanSummary = {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  title: string;
  status: 'active' | 'archived';
  /** The plan's committee is in the post's scope; otherwise the post sees the tasks assigned into it. */
  owner: boolean;
  tasks: number;
  percent: number;
  states: StateCounts;
} & OwnOrgWork;

/** What waits for the post's own organization on a plan (as in its 待办). */
export type OwnOrgWork = {
  /** 督办提醒 addressed to it and not yet answered by a report. */
  openReminders: number;
  /** Tasks assigned to it without its report for this month (this year's active plans only). */
  reportsDueThisMonth: number;
};

/** One target as achieved by the unit the figure is for. */
export type TargetProgress = {
  targetId: number;
  goal: number | null;
  current: number | null;
  currentFrom: 'metric' | 'reported' | 'rollup' | null;
  percent: number;
  met: boolean;
};

export type Progress = {
  percent: number;
  fraction: number;
  source: ProgressSource;
  state: TaskState;
  expectedPercent: number;
  stale: boolean;
  lastReportAt: string | null;
  targets: TargetProgress[];
};

export type BoardTask = {
  id: number;
  sectionId: number;
  position: number;
  title: string;
  dueOn: string | null;
  weight: number;
  leadDepartmentId: number | null;
  leadDepartment: string | null;
  tags: string[];
  targets: number;
  proposedTargets: number;
  assignments: number;
  progress: Progress;
  evaluationScore: number | null;
  /** Unanswered reminders on the task to organizations in view, and those to the post's own organization. */
  openReminders: number;
  remindersToOwnOrg: number;
  /** Someone in view has reported on the task for this month. */
  reportedThisMonth: boolean;
  /** Assigned to the post's own organization, which has not reported for this month. */
  dueThisMonth: boolean;
};

export type BoardSection = { id: number; ordinal: string; title: string; weight: number; percent: number; tasks: BoardTask[] };

export type PlanBoard = {
  plan: {
    id: number;
    orgId: number;
    orgName: string;
    year: number;
    title: string;
    generalIdea: string;
    status: 'active' | 'archived';
    sourceName: string | null;
    createdAt: string;
  };
  owner: boolean;
  percent: number;
  states: StateCounts;
  ownOrg: OwnOrgWork;
  sections: BoardSection[];
};

export type Target = {
  id: number;
  position: number;
  label: string;
  sourceText: string | null;
  value: number;
  unit: string;
  comparator: Comparator;
  status: 'proposed' | 'confirmed';
  origin: 'extracted' | 'manual';
  metricKey: string | null;
  metricName: string | null;
  weight: number;
};

export type Assignment = {
  id: number;
  orgId: number;
  orgName: string;
  parentId: number | null;
  note: string | null;
  createdAt: string;
  /** 督办提醒 to the organization on this task, not yet answered. */
  openReminders: number;
  /** The post speaks for the level that made the assignment: it may remind it, and (with workplan.manage) withdraw it. */
  mayRemind: boolean;
  mayRemove: boolean;
  quotas: { targetId: number; quota: number }[];
  progress: Pick<Progress, 'percent' | 'source' | 'state' | 'stale' | 'lastReportAt' | 'targets'>;
};

export type Milestone = { id: number; title: string; dueOn: string; doneOn: string | null; doneBy: string | null };

export type Attachment = { id: number; fileName: string; contentType: string; bytes: number };

export type Report = {
  id: number;
  orgId: number;
  orgName: string;
  departmentId: number | null;
  departmentName: string | null;
  kind: 'monthly' | 'event';
  period: string;
  text: string;
  percent: number | null;
  createdBy: string;
  createdAt: string;
  figures: { targetId: number; value: number }[];
  attachments: Attachment[];
};

export type Remark = {
  id: number;
  orgId: number;
  orgName: string;
  kind: 'reminder' | 'comment';
  text: string;
  createdBy: string;
  createdAt: string;
  answeredAt: string | null;
};

export type DepartmentRef = { id: number; name: string };

export type TaskRightsDto = {
  /** Targets, division of work, milestones, assignments (the plan's committee, workplan.manage, an active plan). */
  edit: boolean;
  /** 报送进展 (workplan.report, an active plan, an organization to report for). */
  report: boolean;
  /** 年终评价 (the plan's committee, workplan.supervise). */
  evaluate: boolean;
  /** The organizations the post reports and comments for. */
  reportingOrgIds: number[];
  /** Levels the post may assign from: null for the plan's committee, else the assignment to split further. */
  assignFrom: (number | null)[];
};

/** GET /api/workplan/tasks/:id. */
export type TaskDetail = {
  plan: { id: number; orgId: number; orgName: string; year: number; title: string; status: 'active' | 'archived' };
  owner: boolean;
  /** What the post may do on the task: the rules the server checks on every write. */
  rights: TaskRightsDto;
  task: {
    id: number;
    position: number;
    title: string;
    body: string;
    weight: number;
    dueOn: string | null;
    section: { id: number; ordinal: string; title: string };
    tags: string[];
    leadDepartment: DepartmentRef | null;
    cooperatingDepartments: DepartmentRef[];
    evaluation: { score: number; comment: string | null; by: string | null; at: string | null } | null;
  };
  progress: Progress;
  targets: Target[];
  assignments: Assignment[];
  milestones: Milestone[];
  reports: Report[];
  remarks: Remark[];
};

export type Department = { id: number; orgId: number; name: string; position: number; active: boolean };

export type SupervisionItem = {
  taskId: number;
  taskTitle: string;
  sectionOrdinal: string;
  leadDepartment: string | null;
  orgId: number;
  orgName: string;
  assignmentId: number | null;
  parentAssignmentId: number | null;
  /** The post may send this organization a 督办提醒 (it speaks for the level that assigned the task). */
  mayRemind: boolean;
  percent: number;
  expectedPercent: number;
  state: TaskState;
  stale: boolean;
  dueOn: string | null;
  lastReportAt: string | null;
  openReminders: number;
};

export type SupervisionGroup = {
  id: number | null;
  /** null: the tasks without a lead department. */
  name: string | null;
  tasks: number;
  done: number;
  lagging: number;
  overdue: number;
  stale: number;
  averagePercent: number;
};

/** A group as shown, named in the UI language when the server gives no name. */
export type NamedGroup = Omit<SupervisionGroup, 'name'> & { name: string };

export type Supervision = {
  planId: number;
  owner: boolean;
  items: SupervisionItem[];
  byDepartment: SupervisionGroup[];
  byOrg: SupervisionGroup[];
};

/** A quantitative target the parser found in an item's text. */
export type ParsedTarget = { value: number; unit: string; comparator: Comparator; text: string };
export type ParsedItem = { title: string; body: string; targets: ParsedTarget[]; tags: string[] };
export type ParsedSection = { ordinal: string; title: string; items: ParsedItem[] };
export type PlanParse = { title: string; generalIdea: string; sections: ParsedSection[]; warnings: string[] };

/** POST /api/workplan/plans. */
export type NewPlanInput = {
  orgId: number;
  year: number;
  title: string;
  generalIdea: string;
  sourceName: string | null;
  sections: {
    ordinal: string;
    title: string;
    items: { title: string; body: string; tags: string[]; targets: (ParsedTarget & { confirmed: boolean })[] }[];
  }[];
};

export type TargetInput = {
  label: string;
  value: number;
  unit: string;
  comparator: Comparator;
  metricKey: string | null;
  weight: number;
  confirmed: boolean;
};

export type TaskChanges = {
  weight?: number;
  dueOn?: string | null;
  leadDepartmentId?: number | null;
  cooperatingDepartmentIds?: number[];
};

export type AssignInput = {
  parentAssignmentId: number | null;
  orgIds: number[];
  note: string | null;
  quotas: { orgId: number; targetId: number; quota: number }[];
};

export type ReportInput = {
  orgId: number;
  departmentId: number | null;
  kind: 'monthly' | 'event';
  period: string;
  text: string;
  percent: number | null;
  figures: { targetId: number; value: number }[];
  attachmentIds: number[];
};
