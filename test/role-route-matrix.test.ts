import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../src/modules/accounts/permissions.ts';
import { accessPermissions } from '../src/modules/accounts/route-access.ts';
import { createTestApp, type Client, type TestApp } from './helpers/test-app.ts';

const MATRIX_FILE = path.resolve(import.meta.dirname, 'fixtures/role-route-matrix.json');
const ROLES_FILE = path.resolve(import.meta.dirname, 'fixtures/role-permissions.json');
const UPDATE = process.env.TUANWU_UPDATE_GOLDEN === '1';
const HOW = 'review the change, then run TUANWU_UPDATE_GOLDEN=1 npx vitest run --project sqlite test/role-route-matrix.test.ts and commit the fixture';

/** A demo account per built-in role, to call routes as that role. */
const DEMO_ACCOUNT: Record<string, string> = {
  province_admin: 'sheng_admin', committee_admin: 'chengdu_admin', branch_secretary: 'zhishu_demo', member: 'tuanyuan_demo',
  system_admin: 'xitong_admin', security_admin: 'anquan_admin', auditor: 'shenji_admin',
};

/** One line per key, so that a review of the fixture reads as a table. */
function oneLinePerKey(value: Record<string, unknown>): string {
  return `{\n${Object.entries(value).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`;
}

function golden<T extends Record<string, unknown>>(file: string, actual: T): T {
  if (UPDATE) fs.writeFileSync(file, oneLinePerKey(actual));
  if (!fs.existsSync(file)) throw new Error(`${path.basename(file)} is missing: ${HOW}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/**
 * The role × route matrix, generated from the server's route table and each route's declared
 * access, held against a checked-in copy: a new route, or a role that gains or loses a route or a
 * permission, fails here until the fixture is reviewed and updated. Then every route that needs a
 * permission is called by a role without it and must answer 403 before looking at the input.
 */
describe('role × route matrix (DOMAIN §12 AS-12, DB-06)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const apiRoutes = () => t.app.routeList.filter((r) => r.url.startsWith('/api/')).sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));

  it('matches the checked-in matrix for every API route and role', () => {
    const matrix: Record<string, string[] | string> = {};
    for (const route of apiRoutes()) {
      const access = route.access!;
      matrix[`${route.method} ${route.url}`] = typeof access === 'string'
        ? access
        : BUILT_IN_ROLES.filter((role) => access.some((p) => role.permissions.includes(p))).map((role) => role.code);
    }
    expect(Object.keys(matrix).length).toBeGreaterThan(100);
    const expected = golden(MATRIX_FILE, matrix);
    for (const key of Object.keys(matrix)) expect(expected[key], `${key} is not in the matrix: ${HOW}`).toBeDefined();
    for (const key of Object.keys(expected)) expect(matrix[key], `${key} is in the matrix but no longer a route: ${HOW}`).toBeDefined();
    for (const [key, roles] of Object.entries(matrix)) expect(roles, `${key}: ${HOW}`).toEqual(expected[key]);
  });

  it('matches the checked-in permissions of every built-in role', () => {
    const roles = Object.fromEntries(BUILT_IN_ROLES.map((role) => [role.code, [...role.permissions].sort()]));
    const expected = golden(ROLES_FILE, roles);
    expect(roles, HOW).toEqual(expected);
  });

  it('answers 403 to a role without a route\'s permission, before reading its input', async () => {
    const clients = new Map<string, Client>();
    const clientOf = async (role: string) => {
      if (!clients.has(role)) clients.set(role, await t.login(DEMO_ACCOUNT[role]!));
      return clients.get(role)!;
    };
    let checked = 0;
    for (const route of apiRoutes()) {
      const needed = accessPermissions(route.access!);
      if (needed.length === 0) continue;
      const outsider = BUILT_IN_ROLES.find((role) => DEMO_ACCOUNT[role.code] && !needed.some((p) => role.permissions.includes(p)));
      if (!outsider) continue;
      const url = route.url.replace(':jobId', '00000000-0000-4000-8000-000000000000').replace(/:[a-zA-Z]+/g, '1');
      const client = await clientOf(outsider.code);
      const response = route.method === 'GET' || route.method === 'DELETE'
        ? await client.request({ method: route.method as 'GET', url })
        : await client.request({ method: route.method as 'POST', url, payload: { surely: 'not valid' } });
      expect(response.statusCode, `${route.method} ${route.url} as ${outsider.code}: ${response.body}`).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
      checked++;
    }
    expect(checked).toBeGreaterThan(90);
  });

  it('answers 401 to a caller without a session on every route that is not public', async () => {
    for (const route of apiRoutes()) {
      if (route.access === 'public') continue;
      const url = route.url.replace(':jobId', '00000000-0000-4000-8000-000000000000').replace(/:[a-zA-Z]+/g, '1');
      const response = await t.app.inject({ method: route.method as 'GET', url });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
