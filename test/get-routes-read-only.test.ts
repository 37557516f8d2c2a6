import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/config.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './helpers/test-app.ts';

/**
 * Tables a read may write, and why: the audit trail of sensitive reads (DB-09), the session's
 * last-seen time (the idle timeout), the per-account counters and alerts of the export and
 * detail-view limits (AS-22), and a full export, which its one download spends (DB-16; the
 * SameSite=Strict session cookie keeps another site from spending it).
 */
const WRITABLE_ON_READ = new Set(['audit_log', 'audit_head', 'session', 'usage_event', 'security_alert', 'member_export']);

/** The table a write statement names, or a marker for raw SQL that writes. */
function writtenTable(node: RootOperationNode): string | null {
  const name = (table: unknown): string => {
    const t = table as { kind: string; table?: { identifier: { name: string } }; node?: unknown };
    if (t.kind === 'TableNode') return t.table!.identifier.name;
    if (t.kind === 'AliasNode') return name(t.node);
    return t.kind;
  };
  switch (node.kind) {
    case 'InsertQueryNode':
      return name(node.into);
    case 'UpdateQueryNode':
      return name(node.table);
    case 'DeleteQueryNode':
      return name(node.from.froms[0]);
    case 'RawNode': {
      const text = node.sqlFragments.join('?').trim().toLowerCase();
      return /^(insert|update|delete|create|drop|alter|truncate)\b/.test(text) ? `raw: ${text.slice(0, 60)}` : null;
    }
    default:
      return null;
  }
}

/** Records every table a statement writes to while a route runs. */
class WriteSpy implements KyselyPlugin {
  writes: string[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const table = writtenTable(args.node);
    if (table) this.writes.push(table);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * No GET route changes data (DOMAIN §12 AS-15): every GET of the route table is called by every
 * demo account, and the statements it sends are watched; only the audit trail, the session's
 * last-seen time and the rate counters may be written.
 */
describe('GET routes are reads (DOMAIN §12 AS-15)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('write nothing but the audit trail, the session and the rate counters, for every account', async () => {
    const spy = new WriteSpy();
    const config = { ...loadConfig({}), secondFactor: 'off' as const, dataDir: '/nonexistent', webDistDir: '/nonexistent' };
    const watched = await buildApp({ db: Object.assign(t.db.withPlugin(spy), { engine: t.db.engine }), cipher: t.cipher, blindIndex: t.blindIndex, auditKey: t.auditKey, config });
    try {
      const getRoutes = watched.routeList.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
      expect(getRoutes.length).toBeGreaterThan(40);
      const accounts = (await t.db.selectFrom('app_user').select('username').execute()).map((u) => u.username);
      expect(accounts.length).toBeGreaterThanOrEqual(6);
      const offending: string[] = [];
      let answered = 0;
      for (const username of accounts) {
        const login = await watched.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
        if (login.statusCode !== 200) continue;
        const cookie = login.cookies.find((c) => c.name === 'tuanwu_sid')!.value;
        for (const route of getRoutes) {
          const url = route.url.replace(/:[A-Za-z]+/g, '1');
          spy.writes = [];
          const response = await watched.inject({ method: 'GET', url, cookies: { tuanwu_sid: cookie } });
          if (response.statusCode < 400) answered++;
          const bad = spy.writes.filter((table) => !WRITABLE_ON_READ.has(table));
          if (bad.length > 0) offending.push(`${username} GET ${url} → ${response.statusCode} wrote ${[...new Set(bad)].join(', ')}`);
        }
      }
      expect(offending).toEqual([]);
      // the walk reached real handlers, not only refusals
      expect(answered).toBeGreaterThan(100);
    } finally {
      await watched.close();
    }
  });
});
