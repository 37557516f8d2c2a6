/**
 * Tables that keep a copy of their organization's path, so that data-scope predicates on them
 * are one index range instead of a join. Moving a subtree rewrites every copy listed here in the
 * same transaction; a module that adds such a column adds it to this list.
 */
export const ORG_PATH_COPIES = [
  { table: 'member', column: 'org_path' },
  { table: 'member_status_change', column: 'org_path' },
] as const;
