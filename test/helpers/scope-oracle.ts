import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { systemActor } from '../../src/platform/audit/audit-log.ts';
import { createPost, createUser } from '../../src/modules/accounts/users.service.ts';
import { DEMO_PASSWORD, type Client, type TestApp } from './test-app.ts';

/**
 * The data-scope property test's own idea of what a post may see, written apart from the product's
 * DataScope so that a mistake there cannot hide itself: 本级及下级 is every path under the post's
 * organization, 本级 the organization alone, 自定义 the subtrees of the chosen organizations.
 */
export type PostScope = { kind: 'subtree' | 'self_org' | 'custom'; orgId: number; orgPath: string; customPaths: string[] };

/** The organization id a materialized path ends with (`/1/23/456/` → 456). */
export function orgIdOfPath(path: string): number {
  const parts = path.split('/').filter(Boolean);
  return Number(parts[parts.length - 1]);
}

export function pathInScope(scope: PostScope, path: string): boolean {
  switch (scope.kind) {
    case 'subtree':
      return path.startsWith(scope.orgPath);
    case 'self_org':
      return orgIdOfPath(path) === scope.orgId;
    case 'custom':
      return scope.customPaths.some((prefix) => path.startsWith(prefix));
  }
}

export function describeScope(scope: PostScope): string {
  return scope.kind === 'custom' ? `custom[${scope.customPaths.join(' ')}]` : `${scope.kind}@${scope.orgPath}`;
}

/** A generated account: a post of `roleCode` with `scope`, signed in. */
export type ScopedAccount = { username: string; roleCode: string; scope: PostScope; client: Client };

let addresses = 0;

/**
 * Sign in as the test app's login does, but from an address of the account's own: the property
 * test signs in dozens of new accounts a minute, which the per-address sign-in limit would refuse.
 */
async function signInFromOwnAddress(t: TestApp, username: string): Promise<Client> {
  const n = ++addresses;
  const remoteAddress = `10.77.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password: DEMO_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'tuanwu_sid')!;
  const csrfToken = response.json().csrfToken as string;
  const request = (options: InjectOptions) =>
    t.app.inject({ ...options, remoteAddress, cookies: { tuanwu_sid: cookie.value }, headers: { 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } });
  return {
    username, csrfToken, request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, payload: (body ?? {}) as object }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: (body ?? {}) as object }),
  };
}

/** A new account with one post of any scope kind (custom ones with their organizations), signed in. */
export async function scopedAccount(
  t: TestApp,
  input: { username: string; roleCode: string; orgId: number; kind: PostScope['kind']; customOrgIds: number[] },
): Promise<ScopedAccount> {
  const deps = { db: t.db, auditKey: t.auditKey, actor: systemActor };
  const user = await createUser(deps, { username: input.username, displayName: input.username, password: DEMO_PASSWORD, mustChange: false });
  const customOrgIds = input.kind === 'custom' ? input.customOrgIds : [];
  await createPost(deps, { userId: user.id, orgId: input.orgId, roleCode: input.roleCode, scope: input.kind, customOrgIds });
  const paths = async (ids: number[]) => ids.length === 0 ? [] : (await t.db.selectFrom('organization').select('path').where('id', 'in', ids).execute()).map((o) => o.path);
  const [orgPath] = await paths([input.orgId]);
  return {
    username: input.username, roleCode: input.roleCode, client: await signInFromOwnAddress(t, input.username),
    scope: { kind: input.kind, orgId: input.orgId, orgPath: orgPath!, customPaths: await paths(customOrgIds) },
  };
}

/** One organization reference found in a response, with where it was found (a JSON path). */
export type OrgRef = { at: string } & ({ orgId: number } | { path: string } | { memberId: number } | { anyOfOrgIds: number[] });

const PATH_PATTERN = /^(\/\d+)+\/$/;

/**
 * Every organization a JSON response names: `orgId`/`schoolOrgId` ids, `path`/`orgPath`/`org_path`
 * paths, `memberId`s (a member belongs to an organization), and `idKeys` that a route uses for
 * organization ids (tree nodes). A transfer (an object with `fromOrg`/`toOrg`) is in scope when its
 * sending, receiving or current organization is, so it yields one any-of reference and is not
 * walked further: the chain of organizations it passes through is part of the transfer.
 */
export function orgRefs(value: unknown, idKeys: readonly string[] = [], ignoreKeys: readonly string[] = [], at = '$', out: OrgRef[] = []): OrgRef[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => orgRefs(item, idKeys, ignoreKeys, `${at}[${i}]`, out));
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  const object = value as Record<string, unknown>;
  if ('fromOrg' in object && 'toOrg' in object) {
    const ids = ['fromOrg', 'toOrg', 'currentOrg'].map((k) => (object[k] as { id?: number } | null)?.id).filter((id): id is number => typeof id === 'number');
    out.push({ at, anyOfOrgIds: ids });
    return out;
  }
  for (const [key, child] of Object.entries(object)) {
    const here = `${at}.${key}`;
    if (ignoreKeys.includes(key)) continue;
    if ((key === 'orgId' || key === 'schoolOrgId' || idKeys.includes(key)) && typeof child === 'number') out.push({ at: here, orgId: child });
    else if ((key === 'path' || key === 'orgPath' || key === 'org_path') && typeof child === 'string' && PATH_PATTERN.test(child)) out.push({ at: here, path: child });
    else if (key === 'memberId' && typeof child === 'number') out.push({ at: here, memberId: child });
    else orgRefs(child, idKeys, ignoreKeys, here, out);
  }
  return out;
}

/** The rows of the first worksheet as header → cell text, starting at the row whose cells include `header`. */
export async function workbookRows(body: Buffer, header: string): Promise<Record<string, string>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  let headers: string[] | null = null;
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!headers) {
      if (cells.includes(header)) headers = cells;
      return;
    }
    rows.push(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])));
  });
  if (!headers) throw new Error(`no header row with ${header}`);
  return rows;
}
