import type { Post } from '../types/me';

export function postLabel(post: Post): string {
  return `${post.orgName} · ${post.roleName}`;
}
