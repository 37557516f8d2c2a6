/**
 * The ledgers whose rows carry a MAC (DOMAIN §12 DB-13, MP-03) and the columns each MAC covers:
 * every column that says what happened — ids, amounts, member, organization, stage, decision,
 * actor, times. Left out are the copies of an organization's path (`org_path`,
 * `stage_org_path`), which a subtree move rewrites (scope/org-path-copies.ts); the organization
 * id beside each is covered. Never reorder or rename a list: stored MACs cover this order.
 */
export const LEDGER_TABLES = {
  /** 团费收缴记录 */
  dues_payment: [
    'id', 'member_id', 'org_id', 'from_month', 'to_month', 'months', 'monthly_fen', 'extra_fen', 'amount_fen', 'provider', 'method',
    'receipt_no', 'paid_on', 'collected_month', 'status', 'note', 'actor_user_id', 'actor_username', 'post_label', 'recorded_at',
    'reversed_reason', 'reversed_by', 'reversed_at',
  ],
  /** 组织关系转接各环节的办理与审批记录 */
  transfer_event: [
    'id', 'transfer_id', 'stage', 'stage_org_id', 'action', 'reason', 'evidence', 'stage_since', 'response_minutes', 'actor_user_id',
    'actor_username', 'post_label', 'on_behalf', 'at',
  ],
} as const;

export type LedgerTable = keyof typeof LEDGER_TABLES;

export const LEDGER_TABLE_NAMES = Object.keys(LEDGER_TABLES) as LedgerTable[];

/** The column holding each row's MAC. */
export const MAC_COLUMN = 'row_mac';
