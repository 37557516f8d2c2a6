import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/test-app.ts';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';

/** 团员管理, 团籍变动, 团员统计 and a member's own page in a real browser against a real server process, in Chinese. */
describe('member pages in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let wuhouPath: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const wuhou = await server.database.db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    wuhouPath = wuhou.path;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const phone = viewport.width < 600;
    const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel(/^密码$/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    return page;
  }

  /**
   * A normal member under 28 without a League post in 武侯, whose name no one else in the county
   * shares (so that a name search finds one row) and who has no account of their own (the phone
   * test reads that one). `nth` gives each test its own member.
   */
  async function pickMember(nth: number) {
    const db = server.database.db;
    const unique = db
      .selectFrom('member')
      .select('name')
      .where('org_path', 'like', `${wuhouPath}%`)
      .groupBy('name')
      .having(sql<number>`count(*)`, '=', 1);
    const cutoff = `${new Date().getUTCFullYear() - 27}-01-01`;
    return db
      .selectFrom('member')
      .select(['id', 'name', 'id_number_masked'])
      .where('org_path', 'like', `${wuhouPath}%`)
      .where('status', '=', 'normal')
      .where('league_post', 'is', null)
      .where('birth_date', '>', cutoff)
      .where('name', 'in', unique)
      .where('id', 'not in', db.selectFrom('app_user').select('member_id').where('member_id', 'is not', null))
      .orderBy('id')
      .offset(nth)
      .limit(1)
      .executeTakeFirstOrThrow();
  }

  async function openMember(page: Page, name: string) {
    const search = page.getByPlaceholder(/姓名、拼音首字母/);
    await search.fill(name);
    await search.press('Enter');
    const row = page.locator('.ant-table-row', { hasText: name });
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await row.getByRole('button', { name }).click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByText('团籍变动记录', { exact: true }).waitFor();
    return drawer;
  }

  it('finds a member by name and reveals the full ID number with a reason', async () => {
    const member = await pickMember(0);
    const page = await signIn('wuhou_admin');
    await page.getByRole('menuitem', { name: /团员管理/ }).click();
    await page.getByRole('tab', { name: /超龄待离团\s*\d+/ }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: screenshotPath('members-01-list') });

    const drawer = await openMember(page, member.name);
    await expect.poll(() => drawer.textContent()).toContain(member.id_number_masked);
    await drawer.getByRole('button', { name: /查看完整信息/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('查看原因').fill('核对身份信息，办理组织关系转接');
    await modal.getByRole('button', { name: /查\s*看/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await drawer.getByText('本次查看已记入审计日志', { exact: false }).waitFor();

    // The masked form keeps the first and the last character of the real number (one masking rule, DB-17).
    const full = `${member.id_number_masked.slice(0, 1)}\\d{16}${member.id_number_masked.slice(-1)}`;
    const shown = drawer.locator('.tw-mono', { hasText: new RegExp(`^${full}$`) });
    await shown.waitFor();
    await page.screenshot({ path: screenshotPath('members-02-revealed') });
    const audited = await server.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'member.reveal')
      .where('target_id', '=', String(member.id))
      .execute();
    expect(audited).toHaveLength(1);
    await page.context().close();
  });

  it('refuses 超龄离团 for a member under 28, then requests 自愿退团 and approves it', async () => {
    const member = await pickMember(1);
    const page = await signIn('wuhou_admin');
    await page.goto(`${server.url}/members`);
    await page.locator('.ant-table-row').first().waitFor();
    const drawer = await openMember(page, member.name);

    await drawer.getByRole('button', { name: /发起团籍变动/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByText('满28周岁离团').click();
    await modal.getByLabel('原因').fill('按期办理离团');
    await modal.getByRole('button', { name: /提交审批/ }).click();
    // The server says why, in the dialog.
    await modal.locator('.ant-alert-error', { hasText: '未满28周岁' }).waitFor();
    await page.screenshot({ path: screenshotPath('members-03-refused') });

    await modal.getByText('自愿退团').click();
    await modal.getByLabel('原因').fill('本人提交书面退团申请，经团支部大会讨论同意');
    await modal.getByRole('button', { name: /提交审批/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await drawer.getByText('团籍变动待审核：自愿退团待审核').waitFor();
    await page.getByRole('tab', { name: /待我审批\s*1/ }).waitFor();

    await drawer.getByRole('button', { name: /审\s*批/ }).click();
    await modal.getByText(/^同意/).click();
    await modal.getByLabel('审批说明').fill('材料齐全，同意');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await drawer.getByText('团籍已注销：自愿退团').waitFor();
    await expect.poll(() => drawer.locator('.ant-timeline-item').count()).toBe(2);
    await drawer.locator('.ant-timeline').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('members-04-approved') });

    const stored = await server.database.db.selectFrom('member').select(['status', 'is_active']).where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'withdrawn', is_active: 0 });
    const changes = await server.database.db
      .selectFrom('member_status_change')
      .select(['kind', 'to_status'])
      .where('member_id', '=', member.id)
      .orderBy('id')
      .execute();
    expect(changes).toEqual([
      { kind: 'request', to_status: 'withdrawn_pending' },
      { kind: 'approve', to_status: 'withdrawn' },
    ]);
    await page.context().close();
  });

  it('shows the county statistics with the same totals as the database', async () => {
    const db = server.database.db;
    const count = (cadre: boolean) => {
      let query = db
        .selectFrom('member')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_path', 'like', `${wuhouPath}%`)
        .where('is_active', '=', 1);
      if (cadre) query = query.where('is_cadre', '=', 1);
      return query.executeTakeFirstOrThrow().then((row) => Number(row.n));
    };
    const [active, cadres] = await Promise.all([count(false), count(true)]);

    const page = await signIn('wuhou_admin');
    await page.getByRole('menuitem', { name: /团员统计/ }).click();
    const card = (title: string) => page.locator('.tw-stat-card', { hasText: title }).locator('.ant-statistic-content');
    await card('团员总数').waitFor();
    const number = async (title: string) => Number((await card(title).textContent())?.replace(/\D/g, ''));
    expect(await number('团员总数')).toBe(active);
    expect(await number('团干部')).toBe(cadres);
    expect(await number('待审核变动')).toBe(0);
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(4);
    // The county first, then one row per direct child.
    await expect.poll(() => page.locator('.tw-stat-total').textContent()).toContain('共青团武侯区委');
    await page.screenshot({ path: screenshotPath('members-05-stats'), fullPage: true });
    await page.context().close();
  });

  it("opens a member's own record on a phone", async () => {
    const own = await server.database.db
      .selectFrom('app_user')
      .innerJoin('member', 'member.id', 'app_user.member_id')
      .select(['member.name', 'member.development_number'])
      .where('app_user.username', '=', 'tuanyuan_demo')
      .executeTakeFirstOrThrow();
    const page = await signIn('tuanyuan_demo', { width: 390, height: 844 });
    await page.waitForURL(/\/me$/);
    await page.getByRole('heading', { name: own.name }).waitFor();
    if (own.development_number) await page.getByText(own.development_number).waitFor();
    await page.getByText('团籍变动记录', { exact: true }).waitFor();
    await page.getByText('暂无团籍变动记录').waitFor();
    // A member has no org tree and no pages of cadres.
    expect(await page.locator('.ant-tree').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('members-06-me-phone'), fullPage: true });
    await page.context().close();
  });
});
