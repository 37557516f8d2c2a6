import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables of the platform and its modules as Kysely sees them.
 * Dates are ISO-8601 text ('YYYY-MM-DD'), instants ISO-8601 UTC text, booleans 0/1 integers:
 * the same representation on SQLite and PostgreSQL.
 */
export type Database = {
  organization: OrganizationTable;
  app_user: AppUserTable;
  role: RoleTable;
  role_permission: RolePermissionTable;
  post: PostTable;
  post_scope_org: PostScopeOrgTable;
  session: SessionTable;
  login_challenge: LoginChallengeTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  member: MemberTable;
  member_status_change: MemberStatusChangeTable;
  member_stat: MemberStatTable;
  rule_override: RuleOverrideTable;
  import_job: ImportJobTable;
  dues_assessment: DuesAssessmentTable;
  dues_payment: DuesPaymentTable;
  dues_stat: DuesStatTable;
  graduate_batch: GraduateBatchTable;
  transfer: TransferTable;
  transfer_event: TransferEventTable;
  graduate_batch_member: GraduateBatchMemberTable;
  applicant: ApplicantTable;
  applicant_step: ApplicantStepTable;
  admission_notice: AdmissionNoticeTable;
  development_quota: DevelopmentQuotaTable;
  number_range: NumberRangeTable;
  youth_count: YouthCountTable;
  evaluation_cycle: EvaluationCycleTable;
  evaluation_entry: EvaluationEntryTable;
  work_department: WorkDepartmentTable;
  work_plan: WorkPlanTable;
  plan_section: PlanSectionTable;
  plan_task: PlanTaskTable;
  plan_task_tag: PlanTaskTagTable;
  plan_task_department: PlanTaskDepartmentTable;
  plan_target: PlanTargetTable;
  plan_assignment: PlanAssignmentTable;
  plan_quota: PlanQuotaTable;
  plan_milestone: PlanMilestoneTable;
  plan_report: PlanReportTable;
  plan_report_figure: PlanReportFigureTable;
  plan_attachment: PlanAttachmentTable;
  plan_remark: PlanRemarkTable;
  transfer_response_stat: TransferResponseStatTable;
  credential_grant: CredentialGrantTable;
  minor_access_grant: MinorAccessGrantTable;
  member_export: MemberExportTable;
  usage_event: UsageEventTable;
  security_alert: SecurityAlertTable;
  subject_request: SubjectRequestTable;
  audit_checkpoint: AuditCheckpointTable;
  incident: IncidentTable;
  incident_alert: IncidentAlertTable;
  incident_event: IncidentEventTable;
};

/** 团组织 */
export type OrganizationTable = {
  id: Generated<number>;
  parent_id: number | null;
  /** Materialized path with a trailing separator, e.g. '/1/23/456/'. */
  path: string;
  depth: number;
  name: string;
  short_name: string | null;
  /** Pinyin initials of the name, lower case, for search ('cds' for 成都市). */
  name_initials: string;
  type: string;
  kind: string;
  industry_category: string;
  region_code: string | null;
  founded_on: string | null;
  last_election_on: string | null;
  term_years: number | null;
  contact_name: string | null;
  /** Encrypted contact phone (see platform/pii). */
  contact_phone_enc: string | null;
  status: string;
  deactivated_at: string | null;
  deactivation_reason: string | null;
  child_count: number;
  created_at: string;
  updated_at: string;
};
export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganizationRow = Insertable<OrganizationTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;

export type AppUserTable = {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  failed_attempts: number;
  first_failed_at: string | null;
  locked_until: string | null;
  status: string;
  last_login_at: string | null;
  created_at: string;
  /** The 团员 record this account belongs to, for members signing in to see their own record. */
  member_id: number | null;
  /** 所属组织: the organization whose administrators manage this account (null: only the province's). */
  org_id: number | null;
  /** When an administrator last enabled the account again; the 180-day idle count starts no earlier. */
  reenabled_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The TOTP seed (RFC 6238), encrypted like personal data; null until the second factor is set up. */
  totp_secret_enc: ColumnType<string | null, string | null | undefined, string | null>;
  /** The last TOTP time step accepted: a code of that step or an earlier one is a replay. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  totp_enrolled_at: ColumnType<string | null, string | null | undefined, string | null>;
};
export type AppUserRow = Selectable<AppUserTable>;

export type RoleTable = {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string;
};

export type RolePermissionTable = {
  role_id: number;
  permission: string;
};

/** 任职: a user holding a role in an organization, with a data scope. */
export type PostTable = {
  id: Generated<number>;
  user_id: number;
  org_id: number;
  role_id: number;
  scope: string;
  status: string;
  created_at: string;
};
export type PostRow = Selectable<PostTable>;

export type PostScopeOrgTable = {
  post_id: number;
  org_id: number;
};

export type SessionTable = {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  post_id: number | null;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  /** 1 when opened by an account holding an administrator's post: it idles out sooner (DOMAIN §12 DB-02). */
  administrator: ColumnType<number, number | undefined, number>;
};
export type SessionRow = Selectable<SessionTable>;

/** 激活码/重置链接: a one-time secret for a user to set their own password; only hashes are stored. */
export type CredentialGrantTable = {
  id: Generated<number>;
  user_id: number;
  /** 'activation' (a new account) or 'reset' (a reset an administrator initiated). */
  kind: string;
  /** SHA-256 (hex) of the link token. */
  token_hash: string;
  /** SHA-256 (hex) of the short code read out to the user. */
  code_hash: string;
  created_at: string;
  created_by: number | null;
  expires_at: string;
  used_at: string | null;
  /** Set when a newer grant for the same user replaced this one, or the account was disabled. */
  revoked_at: string | null;
};

/** 登录挑战: the step between a correct password and the second factor; no session exists yet. */
export type LoginChallengeTable = {
  /** SHA-256 of the challenge token handed to the browser. */
  id: string;
  user_id: number;
  /** 'verify' (a seed is set up) or 'enroll' (the first sign-in sets one up). */
  purpose: string;
  /** The seed offered during enrolment, encrypted, until a first code proves it was saved. */
  pending_secret_enc: string | null;
  attempts: number;
  created_at: string;
  expires_at: string;
  ip: string | null;
};

/** 审计日志: append-only and hash-chained. */
export type AuditLogTable = {
  id: Generated<number>;
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_username: string | null;
  post_id: number | null;
  post_label: string | null;
  /** Path of the organization the action concerns, for scoping the audit list. */
  org_path: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  result: string;
  ip: string | null;
  request_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
};
export type AuditLogRow = Selectable<AuditLogTable>;

export type AuditHeadTable = {
  id: number;
  last_seq: number;
  last_hash: string;
};

/** 审计日志清理检查点: entries up to `seq` were purged after their retention; the chain verifies from `hash` on. */
export type AuditCheckpointTable = {
  id: Generated<number>;
  seq: number;
  /** The hash of the last purged entry (the prev_hash the next entry must carry). */
  hash: string;
  purged_rows: number;
  /** Entries recorded before this instant were eligible. */
  cutoff: string;
  created_at: string;
  /** HMAC over the fields above with the audit key, so a checkpoint cannot be made up without it. */
  mac: string;
};

/** 个人信息主体请求: a member's (or guardian's) request to correct, delete or restrict their data (PIPL Arts. 46–47). */
export type SubjectRequestTable = {
  id: Generated<number>;
  member_id: number;
  org_id: number;
  org_path: string;
  /** 'correction' | 'deletion' | 'restriction'. */
  kind: string;
  /** 'self' or 'guardian' (a minor's parent or guardian, 未成年人保护法 Art. 72). */
  requester_kind: string;
  /** For a correction: the member field to correct. */
  field: string | null;
  /** For a correction: the value the member proposes, encrypted (it may be an ID or phone number). */
  proposed_value_enc: string | null;
  /** For a deletion or restriction: the PIPL Art. 47 ground. */
  reason_code: string | null;
  note: string;
  /** 'open' | 'accepted' | 'refused'. */
  status: string;
  due_on: string;
  created_by_user_id: number;
  created_at: string;
  decided_by_user_id: number | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
};
export type SubjectRequestRow = Selectable<SubjectRequestTable>;

/** 团员 */
export type MemberTable = {
  id: Generated<number>;
  /** The 团支部 the member belongs to. */
  org_id: number;
  /** Copy of the organization's path, rewritten when a subtree moves (see ORG_PATH_COPIES). */
  org_path: string;
  name: string;
  name_initials: string;
  id_type: string;
  /** Encrypted identity document number; never stored in clear. */
  id_number_enc: string;
  /** Blind index of the number, for exact lookup and duplicate detection. */
  id_number_index: string;
  id_number_masked: string;
  birth_date: string;
  sex: string;
  ethnicity: string;
  political_status: string;
  education_full_time: string | null;
  education_highest: string | null;
  occupation: string;
  /** 入团年月, 'YYYY-MM'. */
  joined_league_on: string;
  /** 团员编号 (12 digits). */
  development_number: string | null;
  league_post: string | null;
  is_cadre: number;
  cadre_nature: string | null;
  phone_enc: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  /** 入党年月, 'YYYY-MM'. */
  joined_party_on: string | null;
  volunteer_registered_on: string | null;
  income_band: string | null;
  household: string | null;
  workplace: string | null;
  /** 团籍状态 */
  status: string;
  /** 1 while the person holds 团籍 (including exits still awaiting approval). */
  is_active: number;
  /** 团费: the assessed monthly amount in fen (1/100 元); null until the branch assesses it. */
  dues_monthly_fen: Generated<number | null>;
  /** 团费: the last month paid, 'YYYY-MM' (the month before dues start until the first payment). */
  dues_paid_through: Generated<string | null>;
  created_at: string;
  updated_at: string;
  /** 限制处理 (PIPL Art. 47 ¶2): set when a deletion or restriction request is accepted; the record is then stored only. */
  restricted_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the retention purge replaced the record's personal data (LAW-01); the row stays for statistics. */
  anonymized_at: ColumnType<string | null, string | null | undefined, string | null>;
};
export type MemberRow = Selectable<MemberTable>;
export type NewMemberRow = Insertable<MemberTable>;
export type MemberUpdate = Updateable<MemberTable>;

/** 团籍变动: a requested, approved, rejected or restoring change of a member's 团籍 status. */
export type MemberStatusChangeTable = {
  id: Generated<number>;
  member_id: number;
  /** Path of the member's branch when the change was made, for scoping. */
  org_path: string;
  kind: string;
  from_status: string;
  to_status: string;
  reason: string;
  actor_user_id: number | null;
  actor_username: string;
  post_id: number | null;
  post_label: string | null;
  at: string;
};
export type MemberStatusChangeRow = Selectable<MemberStatusChangeTable>;

/**
 * 团员统计计数: members counted per organization subtree (the organization and everything below),
 * per dimension and bucket, maintained on every write so that statistics never scan members.
 */
export type MemberStatTable = {
  org_id: number;
  dimension: string;
  bucket: string;
  n: number;
};

/** 导入任务: one uploaded workbook, checked and applied in the background (see modules/members/import). */
export type ImportJobTable = {
  /** crypto.randomUUID(): not guessable, so one user cannot probe another's jobs. */
  id: string;
  /** What is imported, e.g. 'member'. */
  kind: string;
  user_id: number;
  /** The post the upload was made through; its scope is recomputed when the job runs. */
  post_id: number;
  source_ip: string | null;
  request_id: string | null;
  /** queued → running → done | failed_validation | failed */
  status: string;
  /** While running: checking, importing or writing_errors. */
  phase: string | null;
  total_rows: number;
  processed_rows: number;
  /** Rows with at least one problem. */
  error_count: number;
  imported_rows: number;
  /** FileStorage key of the upload (server-made, never the client's file name). */
  upload_key: string;
  upload_bytes: number;
  error_file_key: string | null;
  message_zh: string | null;
  message_en: string | null;
  /** JSON summary: counts by problem, branches; never personal numbers. */
  result: string | null;
  created_at: string;
  started_at: string | null;
  /** Touched while the job runs, so a job whose node died can be told from a slow one. */
  heartbeat_at: string | null;
  finished_at: string | null;
};
export type ImportJobRow = Selectable<ImportJobTable>;

/** 规则参数调整: a province's value for a rule number, kept with its history. */
export type RuleOverrideTable = {
  id: Generated<number>;
  rule_key: string;
  value: number;
  source: string;
  effective_from: string;
  reason: string;
  created_by_user_id: number | null;
  created_by_username: string;
  created_at: string;
};

/** 团费标准核定: one assessment of a member's monthly dues (category, income, amount, from when). */
export type DuesAssessmentTable = {
  id: Generated<number>;
  member_id: number;
  org_path: string;
  category: string;
  /** After-tax monthly income in fen, for the income-based categories only. */
  income_fen: number | null;
  monthly_fen: number;
  /** 'YYYY-MM' from which the amount applies. */
  from_month: string;
  reason: string | null;
  actor_user_id: number | null;
  actor_username: string;
  post_label: string | null;
  at: string;
};
export type DuesAssessmentRow = Selectable<DuesAssessmentTable>;

/** 团费收缴记录: a payment covering consecutive months of one member, recorded through a provider. */
export type DuesPaymentTable = {
  id: Generated<number>;
  member_id: number;
  /** The branch that collected it (it stays there when the member transfers). */
  org_id: number;
  org_path: string;
  from_month: string;
  to_month: string;
  months: number;
  monthly_fen: number;
  /** 自愿多交: paid beyond the dues, in fen. */
  extra_fen: number;
  amount_fen: number;
  provider: string;
  method: string;
  receipt_no: string;
  /** The date the money was received, 'YYYY-MM-DD'. */
  paid_on: string;
  /** The month the collection counts in, 'YYYY-MM' (the month it was recorded, China time). */
  collected_month: string;
  /** 'recorded' or 'reversed'. */
  status: string;
  note: string | null;
  actor_user_id: number | null;
  actor_username: string;
  post_label: string | null;
  recorded_at: string;
  reversed_reason: string | null;
  reversed_by: string | null;
  reversed_at: string | null;
  /** MAC of the row under the key set it names (integrity/row-mac.ts); null only before it is sealed. */
  row_mac: string | null;
};
export type DuesPaymentRow = Selectable<DuesPaymentTable>;

/** Dues collected in an organization's subtree per month (counters, like member_stat). */
export type DuesStatTable = {
  org_id: number;
  month: string;
  collected_fen: number;
  payments: number;
};

/** 毕业生批次: a school's graduating members of one year, transferred out together. */
export type GraduateBatchTable = {
  id: Generated<number>;
  school_org_id: number;
  school_org_path: string;
  year: number;
  name: string;
  /** 'open' while transfers are being arranged, 'closed' after. */
  status: string;
  created_by: string;
  created_at: string;
};
export type GraduateBatchRow = Selectable<GraduateBatchTable>;

/** 组织关系转接: a member's move from one branch to another (or out of the province) through a chain of approvals. */
export type TransferTable = {
  id: Generated<number>;
  member_id: number;
  member_name: string;
  /** 'within' (省内) or 'outside' (转往省外). */
  scope_kind: string;
  /** 就业 / 升学 / 参军 / 涉密 / 其他 (see TRANSFER_REASONS). */
  reason: string;
  reason_text: string | null;
  from_org_id: number;
  from_org_path: string;
  to_org_id: number | null;
  to_org_path: string | null;
  /** For a transfer out of the province: where to, as the member gave it. */
  outside_destination: string | null;
  /** JSON array of the stage codes in order, fixed when the transfer starts. */
  stages: string;
  stage_index: number;
  /** The organization the transfer waits at (null once closed). */
  stage_org_id: number | null;
  stage_org_path: string | null;
  /** When the current stage (or the return or appeal now waiting) began: the response clock starts here. */
  stage_since: string;
  /** pending, returned, appealed, completed, withdrawn, expired, rejected. */
  status: string;
  /** 1 while pending, returned or appealed. */
  is_open: number;
  /** member, out_branch, in_org or school. */
  initiated_by: string;
  batch_id: number | null;
  /** 出国(境)学习: kept at the school until this date. */
  retained_until: string | null;
  expires_at: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
};
export type TransferRow = Selectable<TransferTable>;

/** One step of a transfer: submitted, approved, returned, appealed, decided, withdrawn, expired. */
export type TransferEventTable = {
  id: Generated<number>;
  transfer_id: number;
  stage: string | null;
  stage_org_id: number | null;
  stage_org_path: string | null;
  action: string;
  reason: string | null;
  evidence: string | null;
  /** When the stage began, for decisions: with `at` it gives the response time. */
  stage_since: string | null;
  response_minutes: number | null;
  actor_user_id: number | null;
  actor_username: string;
  post_label: string | null;
  /** 1 when a post above the stage organization acted for it (代审批). */
  on_behalf: number;
  at: string;
  /** MAC of the row under the key set it names (integrity/row-mac.ts); null only before it is sealed. */
  row_mac: string | null;
};
export type TransferEventRow = Selectable<TransferEventTable>;

/** A graduate in a batch: where they go, the transfer that takes them there, and whether that is settled. */
export type GraduateBatchMemberTable = {
  batch_id: number;
  member_id: number;
  /** The school's path (the batch's), for the rate per school, county and city. */
  school_org_path: string;
  /** The batch's graduation year, copied so that the rate per year needs no join. */
  year: number;
  /** employment, further_study, military, classified, abroad, unemployed_retained, outside, other. */
  destination_kind: string | null;
  transfer_id: number | null;
  /** 1 once the transfer completed or the member is kept at the school by rule (abroad, not yet employed). */
  settled: number;
  settled_at: string | null;
};

/** 入团申请人: someone on the way through the ten steps of 团员发展, in a branch. */
export type ApplicantTable = {
  id: Generated<number>;
  org_id: number;
  org_path: string;
  name: string;
  id_type: string;
  id_number_enc: string;
  id_number_index: string;
  id_number_masked: string;
  birth_date: string;
  sex: string;
  phone_enc: string | null;
  phone_masked: string | null;
  /** JSON of the member fields the record will get at admission (民族, 职业, 学历, …). */
  profile: string;
  /** 推优入团, 积分入团, 评议入团 or 个人申请 (see ADMISSION_SOURCES). */
  source: string;
  /** 积分 of 积分入团, when used. */
  score: number | null;
  /** The last step completed (1–10). */
  step: number;
  /** in_progress, admitted, stopped. */
  status: string;
  is_open: number;
  /** JSON of the facts the steps recorded (dates, hours, contacts, the ballot, sponsors). */
  facts: string;
  member_id: number | null;
  development_number: string | null;
  approved_year: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** When the retention job replaced a stopped application's personal data (LAW-01); the row stays for statistics. */
  anonymized_at: ColumnType<string | null, string | null | undefined, string | null>;
};
export type ApplicantRow = Selectable<ApplicantTable>;

/** One recorded step of an applicant (全过程纪实): what, on which date, by whom. */
export type ApplicantStepTable = {
  id: Generated<number>;
  applicant_id: number;
  org_path: string;
  step: number;
  /** complete, stop. */
  action: string;
  on_date: string | null;
  detail: string;
  actor_user_id: number | null;
  actor_username: string;
  post_label: string | null;
  at: string;
};
export type ApplicantStepRow = Selectable<ApplicantStepTable>;

/** 公示: the three public notices (积极分子, 发展对象, 新团员) with their dates and any objections. */
export type AdmissionNoticeTable = {
  id: Generated<number>;
  applicant_id: number;
  org_path: string;
  kind: string;
  start_on: string;
  end_on: string;
  objections: string | null;
  /** 1 when there were none, or they were looked into and answered. */
  objections_resolved: number;
  created_by: string;
  created_at: string;
};
export type AdmissionNoticeRow = Selectable<AdmissionNoticeTable>;

/** 发展团员计划: how many members an organization's subtree may admit in a year, and how many it has. */
export type DevelopmentQuotaTable = {
  id: Generated<number>;
  year: number;
  org_id: number;
  org_path: string;
  quota: number;
  issued: number;
  set_by: string;
  updated_at: string;
};
export type DevelopmentQuotaRow = Selectable<DevelopmentQuotaTable>;

/** 团员编号号段: numbers an organization holds for a year; sub-ranges go down the tree from next_no. */
export type NumberRangeTable = {
  id: Generated<number>;
  year: number;
  org_id: number;
  org_path: string;
  parent_range_id: number | null;
  first_no: number;
  last_no: number;
  /** The next number not yet given out (to a member or a sub-range). */
  next_no: number;
  issued_by: string;
  created_at: string;
};
export type NumberRangeRow = Selectable<NumberRangeTable>;

/** 青年数: young people of a school stage in an organization, for 团青比. */
export type YouthCountTable = {
  org_id: number;
  org_path: string;
  stage: string;
  youth: number;
  updated_by: string;
  updated_at: string;
};

/** 团籍注册与教育评议: one branch's cycle for one year, decided by the committee above. */
export type EvaluationCycleTable = {
  id: Generated<number>;
  org_id: number;
  org_path: string;
  year: number;
  /** open, submitted, approved, returned. */
  status: string;
  meeting_on: string | null;
  /** Members holding 团籍 in the branch when the cycle opened (the quorum's base). */
  branch_members: number;
  attendees: number | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};
export type EvaluationCycleRow = Selectable<EvaluationCycleTable>;

/** One member in a cycle: registered or deferred, and the grade (none for Party members, who are not evaluated). */
export type EvaluationEntryTable = {
  cycle_id: number;
  member_id: number;
  year: number;
  /** 1 for a Party member keeping 团籍: registered, not evaluated. */
  exempt: number;
  /** registered, deferred (暂缓注册), or null until decided. */
  registration: string | null;
  defer_until: string | null;
  /** excellent, qualified, basic, unqualified, or null. */
  grade: string | null;
  /** 不合格: the end of the 限期改正 period. */
  correction_until: string | null;
  note: string | null;
};
export type EvaluationEntryRow = Selectable<EvaluationEntryTable>;

/** 部门: a department of a committee (宣传部, 组织部, …) that leads or cooperates on plan tasks. */
export type WorkDepartmentTable = {
  id: Generated<number>;
  org_id: number;
  name: string;
  position: number;
  active: number;
  created_at: string;
};
export type WorkDepartmentRow = Selectable<WorkDepartmentTable>;

/** 工作要点: a committee's plan for a year. */
export type WorkPlanTable = {
  id: Generated<number>;
  org_id: number;
  org_path: string;
  year: number;
  title: string;
  /** 总体思路. */
  general_idea: string;
  /** File name the plan was imported from. */
  source_name: string | null;
  /** active, archived. */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
};
export type WorkPlanRow = Selectable<WorkPlanTable>;

/** 板块: 一、… 五、 of a plan. */
export type PlanSectionTable = {
  id: Generated<number>;
  plan_id: number;
  position: number;
  ordinal: string;
  title: string;
  /** Share of the plan's progress, relative to the other sections. */
  weight: number;
};
export type PlanSectionRow = Selectable<PlanSectionTable>;

/** 任务: one "——" item of a section. */
export type PlanTaskTable = {
  id: Generated<number>;
  plan_id: number;
  section_id: number;
  position: number;
  title: string;
  body: string;
  /** Share of the section's progress, relative to its other tasks. */
  weight: number;
  due_on: string | null;
  /** 牵头部门. */
  lead_department_id: number | null;
  /** 年终评价: 0–100. */
  evaluation_score: number | null;
  evaluation_comment: string | null;
  evaluated_by: string | null;
  evaluated_at: string | null;
  created_at: string;
  updated_at: string;
};
export type PlanTaskRow = Selectable<PlanTaskTable>;

/** A named program (“青年大学习”) a task mentions. */
export type PlanTaskTagTable = { task_id: number; tag: string };

/** 配合部门 of a task. */
export type PlanTaskDepartmentTable = { task_id: number; department_id: number };

/** 指标: a quantitative target of a task, reported by hand or bound to a metric. */
export type PlanTargetTable = {
  id: Generated<number>;
  task_id: number;
  position: number;
  label: string;
  /** The phrase of the document the target was found in (null for one added by hand). */
  source_text: string | null;
  value: number;
  unit: string;
  /** >=, <=, = */
  comparator: string;
  /** proposed (found in the text, awaiting confirmation), confirmed. */
  status: string;
  /** extracted, manual. */
  origin: string;
  /** Key of a registered metric; null when the figure is reported by hand. */
  metric_key: string | null;
  weight: number;
  created_at: string;
  updated_at: string;
};
export type PlanTargetRow = Selectable<PlanTargetTable>;

/** 任务分解: a task assigned to an organization (a city, then by the city to its counties). */
export type PlanAssignmentTable = {
  id: Generated<number>;
  task_id: number;
  org_id: number;
  org_path: string;
  /** The assignment this one was split from; null when assigned by the plan's own committee. */
  parent_id: number | null;
  note: string | null;
  created_by: string;
  created_at: string;
};
export type PlanAssignmentRow = Selectable<PlanAssignmentTable>;

/** An assigned organization's share of a target (e.g. pilot counties per city). */
export type PlanQuotaTable = { assignment_id: number; target_id: number; quota: number };

/** 节点: a dated step of a task. */
export type PlanMilestoneTable = {
  id: Generated<number>;
  task_id: number;
  title: string;
  due_on: string;
  done_on: string | null;
  done_by: string | null;
  created_at: string;
};
export type PlanMilestoneRow = Selectable<PlanMilestoneTable>;

/** 进展报送: what an organization (or a department of the plan's committee) reports on a task. */
export type PlanReportTable = {
  id: Generated<number>;
  task_id: number;
  /** The reporting organization: the plan's committee or an assigned organization. */
  org_id: number;
  org_path: string;
  department_id: number | null;
  /** monthly, event. */
  kind: string;
  /** YYYY-MM the report belongs to. */
  period: string;
  text: string;
  /** Self-assessed completion, 0–100, when given. */
  percent: number | null;
  created_by: string;
  created_at: string;
};
export type PlanReportRow = Selectable<PlanReportTable>;

/** A figure reported for a target. */
export type PlanReportFigureTable = { report_id: number; target_id: number; value: number };

/** 附件 of a progress report, stored through the file storage. */
export type PlanAttachmentTable = {
  id: Generated<number>;
  task_id: number;
  /** Null until the report it was uploaded for is saved. */
  report_id: number | null;
  org_id: number;
  org_path: string;
  file_key: string;
  file_name: string;
  content_type: string;
  bytes: number;
  uploaded_by: string;
  uploaded_at: string;
};
export type PlanAttachmentRow = Selectable<PlanAttachmentTable>;

/** 督办: a reminder to an organization, or a comment, on a task. */
export type PlanRemarkTable = {
  id: Generated<number>;
  task_id: number;
  /** The organization addressed (the plan's committee for a comment on the task as a whole). */
  org_id: number;
  org_path: string;
  /** reminder, comment. */
  kind: string;
  text: string;
  created_by: string;
  created_at: string;
  /** When the organization reported after the reminder. */
  answered_at: string | null;
};
export type PlanRemarkRow = Selectable<PlanRemarkTable>;

/** 及时响应 counters of an organization's subtree: decisions taken, and those within the response time in force when taken. */
export type TransferResponseStatTable = { org_id: number; decided: number; on_time: number };

/** 完整导出: a full (unmasked) member export prepared for one download by the user who asked for it. */
export type MemberExportTable = {
  id: Generated<number>;
  user_id: number;
  username: string;
  post_id: number | null;
  post_label: string | null;
  /** The organization filtered on, or null for the whole scope. */
  org_path: string | null;
  reason: string;
  rows: number;
  /** FileStorage key of the encrypted workbook; null once removed. */
  file_key: string | null;
  /** The workbook's own key under the field cipher; null once downloaded or expired (the file is then unreadable). */
  content_key_enc: string | null;
  created_at: string;
  expires_at: string;
  downloaded_at: string | null;
  removed_at: string | null;
};
export type MemberExportRow = Selectable<MemberExportTable>;

/** One counted use (an export, a member detail view) by an account, for the hourly limits. */
export type UsageEventTable = {
  id: Generated<number>;
  user_id: number;
  kind: string;
  at: string;
};

/** 安全告警: a security event for the security and audit administrators. */
export type SecurityAlertTable = {
  id: Generated<number>;
  kind: string;
  user_id: number | null;
  username: string | null;
  post_id: number | null;
  post_label: string | null;
  org_path: string | null;
  count: number;
  limit_value: number | null;
  /** JSON, never personal numbers. */
  detail: string | null;
  at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
};
export type SecurityAlertRow = Selectable<SecurityAlertTable>;

/** 未成年人信息查看审批: one request to open a minor's record, its decision and the time-boxed grant. */
export type MinorAccessGrantTable = {
  id: Generated<number>;
  /** 'member' (团员). */
  subject_type: string;
  subject_id: number;
  /** The subject's name, for the approver's list and the audit trail. */
  subject_label: string;
  /** The record's organization when the request was made. */
  org_id: number;
  org_path: string;
  requester_user_id: number;
  requester_username: string;
  requester_post_label: string | null;
  reason: string;
  /** The task or purpose the access serves (e.g. 办理组织关系转接). */
  purpose: string;
  requested_hours: number;
  requested_at: string;
  /** pending, approved, refused, revoked. */
  status: string;
  decided_by_user_id: number | null;
  decided_by_username: string | null;
  decision_comment: string | null;
  decided_at: string | null;
  /** decided_at + requested_hours for an approved grant. */
  expires_at: string | null;
  revoked_by_username: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
};
export type MinorAccessGrantRow = Selectable<MinorAccessGrantTable>;

/** 个人信息安全事件: one leak, tampering or loss of personal information, or a drill (PIPL Art. 57). */
export type IncidentTable = {
  id: Generated<number>;
  title: string;
  /** open, contained, notified, closed. */
  status: string;
  /** ordinary, serious, major, critical (一般, 较大, 重大, 特别重大). */
  severity: string;
  /** 1 for a drill (演练): kept apart from real incidents in reports. */
  drill: number;
  org_id: number;
  org_path: string;
  detected_at: string;
  /** JSON array of personal-data categories. */
  pi_kinds: string;
  cause: string;
  harm: string;
  remedies: string;
  individual_measures: string;
  contact: string;
  involves_minors: number;
  affected_estimate: number | null;
  contained_at: string | null;
  regulator_notified_at: string | null;
  regulator_notified_by: string | null;
  regulator_notice: string | null;
  individuals_notified_at: string | null;
  individuals_notified_by: string | null;
  individuals_notice: string | null;
  /** PIPL Art. 57 ¶2: why the people affected were not told; never for minors. */
  individuals_exemption: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
};
export type IncidentRow = Selectable<IncidentTable>;

/** A security alert linked to the incident it led to. */
export type IncidentAlertTable = {
  incident_id: number;
  alert_id: number;
};

/** One dated entry of an incident's timeline. */
export type IncidentEventTable = {
  id: Generated<number>;
  incident_id: number;
  /** opened, note, contained, notified_regulator, notified_individuals, closed. */
  kind: string;
  /** When it happened (may be earlier than when it was written down). */
  at: string;
  note: string;
  recorded_by: string;
  recorded_at: string;
};
export type IncidentEventRow = Selectable<IncidentEventTable>;
