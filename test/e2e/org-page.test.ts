import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/test-app.ts';
import { launchBrowser, screenshotPath } from './browser.ts';
import { signIn as signInAs } from './sign-in.ts';
import { startServer, type ServerProcess } from './server-process.ts';

/** The organization page in a real browser against a real server process, in Chinese. */
describe('organization page in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByText('账号登录').waitFor();
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel(/^密码$/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    // Posts with work to do land on their 工作台; the organizations are one menu entry away.
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto(`${server.url}/orgs`);
    await page.locator('.ant-tree-node-content-wrapper').first().waitFor();
    return page;
  }

  const treeNode = (page: Page, name: string) => page.locator('.ant-tree-treenode', { hasText: name }).first();

  async function expand(page: Page, name: string): Promise<void> {
    await treeNode(page, name).locator('.ant-tree-switcher').click();
  }

  it('signs in, browses the tree, creates a 团支部 and finds it in the list', async () => {
    const loginPage = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await loginPage.goto(`${server.url}/login`);
    await loginPage.getByText('账号登录').waitFor();
    await loginPage.screenshot({ path: screenshotPath('01-login') });
    await loginPage.close();

    const page = await signIn('sheng_admin');
    await expect.poll(() => page.locator('.ant-tree-treenode').count()).toBeGreaterThan(21);
    await expand(page, '共青团成都市委');
    await treeNode(page, '共青团武侯区委').waitFor();
    await treeNode(page, '共青团武侯区委').locator('.ant-tree-node-content-wrapper').click();
    await page.locator('.ant-table-row', { hasText: '中学团委' }).first().waitFor();
    await page.screenshot({ path: screenshotPath('02-org-tree') });

    await page.getByRole('button', { name: /新建下级组织/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.waitFor();
    await modal.getByLabel('名称', { exact: true }).fill('浏览器测试团支部');
    await modal.getByLabel('组织类型').click();
    await page.locator('.ant-select-item-option', { hasText: /^团支部$/ }).click();
    await modal.getByLabel('组织类别').click();
    await page.locator('.ant-select-item-option', { hasText: /^普通$/ }).click();
    await modal.getByLabel('行业类别').click();
    // a long list is virtual: filter it by typing, as a user would
    await page.keyboard.type('城市社区');
    await page.locator('.ant-select-item-option', { hasText: /^城市社区$/ }).click();
    await modal.getByLabel('联系电话').fill('13800138000');
    await page.screenshot({ path: screenshotPath('03-create-dialog') });
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden' });

    const search = page.getByPlaceholder(/拼音首字母/);
    await search.fill('浏览器测试');
    await search.press('Enter');
    const row = page.locator('.ant-table-row', { hasText: '浏览器测试团支部' });
    await row.waitFor();
    // the list before the search also holds the new branch; wait for the search result itself
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => row.textContent()).toContain('团支部');
    await page.screenshot({ path: screenshotPath('04-created-found') });

    // the server really holds it, under 武侯区, with the phone encrypted
    const stored = await server.database.db
      .selectFrom('organization')
      .select(['path', 'contact_phone_enc'])
      .where('name', '=', '浏览器测试团支部')
      .executeTakeFirstOrThrow();
    const wuhou = await server.database.db.selectFrom('organization').select(['id', 'path']).where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    expect(stored.path.startsWith(wuhou.path)).toBe(true);
    expect(stored.contact_phone_enc).not.toContain('13800138000');

    // The audit log is the auditor's (三员, DOMAIN §12 DB-06), not the provincial administrator's.
    expect(await page.getByRole('menuitem', { name: /审计日志/ }).count()).toBe(0);
    const auditor = await signInAs(browser, server.url, 'shenji_admin');
    await auditor.getByRole('menuitem', { name: /审计日志/ }).click();
    await auditor.locator('.ant-table-row', { hasText: '浏览器测试团支部' }).first().waitFor();
    await auditor.screenshot({ path: screenshotPath('05-audit') });
    await auditor.context().close();
    await page.getByRole('button', { name: /修改密码/ }).click();
    await page.getByText('确认新密码').first().waitFor();
    await page.screenshot({ path: screenshotPath('06-change-password') });
    await page.context().close();
  });

  it('shows a county cadre only their own county', async () => {
    const page = await signIn('wuhou_admin');
    // the single root opens by itself
    await treeNode(page, '中学团委').waitFor();
    const nodes = await page.locator('.ant-tree-list .ant-tree-treenode').allTextContents();
    expect(nodes[0]).toBe('共青团武侯区委');
    expect(nodes.filter((n) => n.startsWith('共青团'))).toEqual(['共青团武侯区委']);
    expect(nodes.some((n) => n.includes('郫都') || n.includes('成都市委'))).toBe(false);
    const search = page.getByPlaceholder(/拼音首字母/);
    await search.fill('郫都');
    await search.press('Enter');
    await page.locator('.ant-table-placeholder, .ant-empty').first().waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 15_000 }).toBe(0);
    await page.screenshot({ path: screenshotPath('07-county-scope') });
    await page.context().close();
  });

  it('works on a phone-sized screen for a branch secretary', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('zhishu_demo');
    await page.getByLabel(/^密码$/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto(`${server.url}/orgs`);
    await page.locator('.ant-tree-node-content-wrapper', { hasText: '社区团支部' }).first().waitFor();
    await page.screenshot({ path: screenshotPath('08-phone-branch') });
    await context.close();
  });
});
