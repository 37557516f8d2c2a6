import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { DESKTOP, signIn } from './sign-in.ts';

const CHOSEN = 'Qingnian#2026go';

/**
 * 账号管理 and 激活账号 in a real browser, in Chinese: the system administrator creates an account
 * and hands over the one-time link, its holder chooses a password on /activate, the security
 * administrator gives the account a post.
 */
describe('accounts page in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let link = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the system administrator create an account with a one-time activation link and no password', async () => {
    const page = await signIn(browser, server.url, 'xitong_admin');
    // 账号管理 is the first page a system administrator may open.
    await page.waitForURL((url) => url.pathname === '/accounts');
    await page.locator('.ant-table-row', { hasText: 'sheng_admin' }).waitFor();
    expect(await page.getByRole('menuitem', { name: /审计日志/ }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('accounts-01-system-admin'), fullPage: true });

    await page.getByRole('button', { name: /新建账号/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '新建账号' });
    await modal.waitFor();
    expect(await modal.locator('input[type="password"]').count()).toBe(0);
    await modal.getByLabel('用户名').fill('cd_liulan');
    await modal.getByLabel('姓名').fill('浏览器干部');
    await modal.getByLabel('所属组织').click();
    await page.keyboard.type('成都市委');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '共青团成都市委' }).first().click();
    await modal.getByRole('button', { name: /保\s*存/ }).click();

    const shown = page.locator('.ant-modal', { hasText: '激活链接（仅显示一次）' });
    await shown.waitFor();
    link = (await shown.getByTestId('grant-link').textContent())!.trim();
    expect(link).toMatch(/\/activate#[A-Za-z0-9_-]{43}$/);
    expect(await shown.getByTestId('grant-code').textContent()).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}/);
    await page.waitForTimeout(500); // the dialog's opening animation, for the screenshot only
    await page.screenshot({ path: screenshotPath('accounts-02-activation-link') });
    await shown.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await page.locator('.ant-table-row', { hasText: 'cd_liulan' }).locator('.ant-tag', { hasText: '待激活' }).waitFor();
    await page.context().close();
  });

  it('lets the holder choose a password under the policy on /activate without signing in', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByText('账号：cd_liulan（浏览器干部）').waitFor();
    // The secret leaves the address bar at once.
    expect(page.url()).not.toContain('#');
    await page.screenshot({ path: screenshotPath('activate-01-choose') });
    await page.getByLabel('新密码', { exact: true }).fill('12345678');
    await page.getByLabel('确认新密码').fill('12345678');
    await page.getByRole('button', { name: /设置密码/ }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: /至少/ }).first().waitFor();
    await page.screenshot({ path: screenshotPath('activate-02-policy') });
    await page.getByLabel('新密码', { exact: true }).fill(CHOSEN);
    await page.getByLabel('确认新密码').fill(CHOSEN);
    await page.getByRole('button', { name: /设置密码/ }).click();
    await page.getByText('密码已设置，请用新密码登录。').waitFor();
    await page.screenshot({ path: screenshotPath('activate-03-done') });

    // The link is spent.
    await page.goto(link);
    await page.getByText(/已过期、已使用或已作废/).waitFor();
    await page.screenshot({ path: screenshotPath('activate-04-spent') });
    await context.close();
    const user = await server.database.db.selectFrom('app_user').select('status').where('username', '=', 'cd_liulan').executeTakeFirstOrThrow();
    expect(user.status).toBe('active');
  });

  it('lets the security administrator give the account a post', async () => {
    const page = await signIn(browser, server.url, 'anquan_admin');
    await page.waitForURL((url) => url.pathname === '/accounts');
    expect(await page.getByRole('button', { name: /新建账号/ }).count()).toBe(0);
    await page.getByPlaceholder('用户名或姓名').fill('cd_liulan');
    await page.getByPlaceholder('用户名或姓名').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: 'cd_liulan' });
    await row.waitFor();
    await row.getByRole('button', { name: '任职' }).click();
    const modal = page.locator('.ant-modal', { hasText: '任职 ·' });
    await modal.waitFor();
    await modal.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: /^团委管理员$/ }).click();
    await modal.getByLabel('数据范围').click();
    await page.locator('.ant-select-item-option', { hasText: /^本级及下级$/ }).click();
    await page.screenshot({ path: screenshotPath('accounts-03-grant-post') });
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await row.getByText('共青团成都市委 · 团委管理员').waitFor();
    await page.getByPlaceholder('用户名或姓名').fill('');
    await page.getByPlaceholder('用户名或姓名').press('Enter');
    await page.locator('.ant-table-row', { hasText: 'sheng_admin' }).waitFor();
    await page.screenshot({ path: screenshotPath('accounts-04-security-admin'), fullPage: true });
    const post = await server.database.db
      .selectFrom('post').innerJoin('app_user', 'app_user.id', 'post.user_id').innerJoin('role', 'role.id', 'post.role_id')
      .select(['role.code', 'post.scope']).where('app_user.username', '=', 'cd_liulan').executeTakeFirstOrThrow();
    expect(post).toEqual({ code: 'committee_admin', scope: 'subtree' });
    await page.context().close();
  });

  it('lets a branch secretary open accounts for the branch\'s members and download their activation codes', async () => {
    const page = await signIn(browser, server.url, 'zhishu_demo');
    await page.goto(`${server.url}/members`);

    // one member first, from the member's record
    const db = server.database.db;
    const secretary = await db.selectFrom('app_user').innerJoin('post', 'post.user_id', 'app_user.id').select('post.org_id').where('app_user.username', '=', 'zhishu_demo').executeTakeFirstOrThrow();
    const adult = new Date(Date.now() - 20 * 365 * 86_400_000).toISOString().slice(0, 10);
    const member = await db.selectFrom('member').leftJoin('app_user', 'app_user.member_id', 'member.id').select(['member.id', 'member.name'])
      .where('member.org_id', '=', secretary.org_id).where('member.status', '=', 'normal').where('member.birth_date', '<', adult)
      .where('app_user.id', 'is', null).orderBy('member.id').executeTakeFirstOrThrow();
    const search = page.getByPlaceholder(/姓名、拼音首字母/);
    await search.fill(member.name);
    await search.press('Enter');
    await page.locator('.ant-table-row', { hasText: member.name }).first().getByRole('button', { name: member.name }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: /开通账号/ }).click();
    await page.locator('.ant-popover').getByRole('button', { name: /确\s*定/ }).click();
    const shown = page.locator('.ant-modal', { hasText: '激活链接（仅显示一次）' });
    await shown.getByTestId('grant-code').waitFor();
    await page.waitForTimeout(500); // the dialog's opening animation, for the screenshot only
    await page.screenshot({ path: screenshotPath('accounts-06-member-account') });
    const opened = await db.selectFrom('app_user').select(['status', 'username']).where('member_id', '=', member.id).executeTakeFirstOrThrow();
    expect(opened.status).toBe('pending');
    expect(await shown.textContent()).toContain(opened.username);
    await shown.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await page.keyboard.press('Escape');
    await search.fill('');
    await search.press('Enter');

    // then the rest of the branch at once
    await page.getByRole('button', { name: /批量开通账号/ }).click();
    await page.locator('.ant-popover', { hasText: '批量开通团员账号' }).waitFor();
    await page.screenshot({ path: screenshotPath('accounts-05-branch-codes') });
    const download = page.waitForEvent('download');
    await page.locator('.ant-popover').getByRole('button', { name: /确\s*定/ }).click();
    expect((await download).suggestedFilename()).toMatch(/激活码\.xlsx$/);
    await page.locator('.ant-message', { hasText: /已生成 \d+ 个激活码/ }).waitFor();
    const pending = await server.database.db.selectFrom('app_user').select('id').where('status', '=', 'pending').where('member_id', 'is not', null).execute();
    expect(pending.length).toBeGreaterThan(1);
    await page.context().close();
  });
});
