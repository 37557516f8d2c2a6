import type { Org, OrgTreeNode } from '../types/org';

/** The ids along an org's path, root first: '/1/5/23/' → [1, 5, 23]. */
export const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

export const asTreeNode = (org: Org): OrgTreeNode => ({
  id: org.id,
  parentId: org.parentId,
  name: org.name,
  type: org.type,
  kind: org.kind,
  status: org.status,
  childCount: org.childCount,
});
