import { systemActor } from '../../src/platform/audit/audit-log.ts';
import { createPost, createUser } from '../../src/modules/accounts/users.service.ts';
import type { ScopeKind } from '../../src/platform/scope/data-scope.ts';
import { DEMO_PASSWORD, type Client, type TestApp } from './test-app.ts';

/** A new account with one post, signed in: for organizations the demo gives no account. */
export async function accountAt(t: TestApp, username: string, orgId: number, roleCode: string, scope?: ScopeKind): Promise<Client> {
  const deps = { db: t.db, auditKey: t.auditKey, actor: systemActor };
  const user = await createUser(deps, { username, displayName: username, password: DEMO_PASSWORD, mustChange: false });
  await createPost(deps, { userId: user.id, orgId, roleCode, scope });
  return t.login(username);
}
