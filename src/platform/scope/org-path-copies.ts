/**
 * Tables that keep a copy of their organization's path, so that data-scope predicates on them
 * are one index range instead of a join. Moving a subtree rewrites every copy listed here in the
 * same transaction; a module that adds such a column adds it to this list.
 */
export const ORG_PATH_COPIES = [
  { table: 'member', column: 'org_path' },
  { table: 'member_status_change', column: 'org_path' },
  { table: 'dues_assessment', column: 'org_path' },
  { table: 'dues_payment', column: 'org_path' },
  { table: 'transfer', column: 'from_org_path' },
  { table: 'transfer', column: 'to_org_path' },
  { table: 'transfer', column: 'stage_org_path' },
  { table: 'transfer_event', column: 'stage_org_path' },
  { table: 'graduate_batch', column: 'school_org_path' },
  { table: 'graduate_batch_member', column: 'school_org_path' },
  { table: 'applicant', column: 'org_path' },
  { table: 'applicant_step', column: 'org_path' },
  { table: 'admission_notice', column: 'org_path' },
  { table: 'development_quota', column: 'org_path' },
  { table: 'number_range', column: 'org_path' },
  { table: 'youth_count', column: 'org_path' },
  { table: 'evaluation_cycle', column: 'org_path' },
  { table: 'work_plan', column: 'org_path' },
  { table: 'plan_assignment', column: 'org_path' },
  { table: 'plan_report', column: 'org_path' },
  { table: 'plan_attachment', column: 'org_path' },
  { table: 'plan_remark', column: 'org_path' },
  // A minor's-record grant and a data subject's request follow the record's organization, so the
  // committee above it keeps seeing and deciding them after a move.
  { table: 'minor_access_grant', column: 'org_path' },
  { table: 'subject_request', column: 'org_path' },
  // An incident belongs to an organization's register: it moves with the organization, so the
  // committees above it after the move see and handle it.
  { table: 'incident', column: 'org_path' },
] as const;

/**
 * Path columns that keep the path as it was when the row was written and are never rewritten.
 * After a subtree moves, such rows stay visible under the old ancestors only.
 */
export const ORG_PATH_SNAPSHOTS = [
  // Each audit row's hash covers its path; rewriting it would break the chain (DESIGN: append-only audit).
  { table: 'audit_log', column: 'org_path' },
  // A security alert and a full export record where the acting post stood when it happened; the
  // export lives an hour at most.
  { table: 'security_alert', column: 'org_path' },
  { table: 'member_export', column: 'org_path' },
] as const;
