import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina, yearsBefore } from '../../src/platform/time/china-date.ts';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { signIn } from './sign-in.ts';

/**
 * 未成年人信息查看审批 in a real browser, in Chinese: 武侯区's administrator opens a senior-high
 * member's record, is asked for an approval and requests it; 成都市委 approves from 待办; the record
 * then opens with the approval's expiry shown. The demo labels every minor (minors.sensitiveAge 18).
 */
describe('minors\' records in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    // The second factor has its own browser test; these accounts sign in with the password alone.
    process.env.TUANWU_SECOND_FACTOR = 'off';
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks for an approval, shows it to the approver in 待办 and opens the record until the approval ends', async () => {
    const db = server.database.db;
    const wuhou = await db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    const waiting = await db.selectFrom('minor_access_grant').select('subject_id').execute();
    const minor = await db.selectFrom('member').select(['id', 'name'])
      .where('org_path', 'like', `${wuhou.path}%`).where('status', '=', 'normal').where('birth_date', '>', yearsBefore(todayInChina(), 18))
      .where('id', 'not in', waiting.map((w) => w.subject_id)).orderBy('id').executeTakeFirstOrThrow();

    const county = await signIn(browser, server.url, 'wuhou_admin');
    await county.goto(`${server.url}/members?member=${minor.id}`);
    const drawer = county.locator('.ant-drawer-section');
    await drawer.getByText('该记录含未成年人敏感信息').waitFor();
    await drawer.getByRole('button', { name: /申请查看/ }).click();
    const dialog = county.locator('.ant-modal', { hasText: '申请查看未成年人信息' });
    await dialog.getByLabel('申请理由').fill('核对学生团员身份信息，办理组织关系转接');
    await dialog.getByLabel('关联任务或用途').fill('2026届毕业生组织关系转接');
    await dialog.getByLabel('申请时长（小时）').fill('24');
    fs.mkdirSync('/tmp/shots', { recursive: true });
    await county.screenshot({ path: '/tmp/shots/minor-approval-request.png' });
    await county.screenshot({ path: screenshotPath('minors-01-request') });
    await dialog.getByRole('button', { name: /提交申请/ }).click();
    await drawer.getByText(/等待负责人审批/).waitFor();
    await county.screenshot({ path: screenshotPath('minors-02-pending') });

    const city = await signIn(browser, server.url, 'chengdu_admin');
    const card = city.locator('[data-todo-kind="minor_access_approvals"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('2');
    await card.click();
    await city.waitForURL(/\/minor-access/);
    const row = city.locator('.ant-table-row', { hasText: minor.name });
    await row.waitFor();
    await city.screenshot({ path: '/tmp/shots/minor-approval-list.png' });
    await city.screenshot({ path: screenshotPath('minors-03-approvals') });
    await row.getByRole('button', { name: /^同\s*意$/ }).click();
    const decide = city.locator('.ant-modal', { hasText: '审批' });
    await decide.getByLabel('审批意见').fill('同意，仅限转接核对');
    await decide.getByRole('button', { name: /^同\s*意$/ }).click();
    // The decided request leaves 待我审批 and appears under 已审批 with its expiry.
    await expect.poll(() => city.locator('.ant-table-row', { hasText: minor.name }).count()).toBe(0);
    await city.getByRole('tab', { name: '已审批' }).click();
    await city.locator('.ant-table-row', { hasText: minor.name }).getByText('有效').waitFor();
    await city.screenshot({ path: screenshotPath('minors-04-decided') });

    await drawer.getByRole('button', { name: /刷新审批结果/ }).click();
    await drawer.getByText(/经审批查看：授权有效期至/).waitFor();
    await drawer.getByText('未成年人敏感信息').first().waitFor();
    await county.screenshot({ path: '/tmp/shots/minor-record-opened.png' });
    await county.screenshot({ path: screenshotPath('minors-05-opened') });
    const read = await db.selectFrom('audit_log').select('detail').where('action', '=', 'pii.minor.read').where('target_id', '=', String(minor.id)).execute();
    expect(read).toHaveLength(1);

    // The list shows the label beside the status and keeps the numbers masked.
    await county.goto(`${server.url}/members`);
    const search = county.getByPlaceholder(/姓名、拼音首字母/);
    await search.fill(minor.name);
    await search.press('Enter');
    const listed = county.locator('.ant-table-row', { hasText: minor.name });
    const icon = listed.getByRole('img', { name: '未成年人敏感信息' });
    await icon.hover();
    await county.getByRole('tooltip').getByText(/须经负责人审批/).waitFor();
    expect(await listed.textContent()).toMatch(/\*{6,}/);
    await county.screenshot({ path: screenshotPath('minors-06-list') });
    await county.context().close();
    await city.context().close();

    // The auditor reads the year's compliance report (LAW-10): the grant above and the opening under it are counted.
    const auditor = await signIn(browser, server.url, 'shenji_admin');
    await auditor.goto(`${server.url}/minor-access`);
    const report = auditor.locator('.ant-table-row', { hasText: '经审批查看记录详情' });
    await report.waitFor();
    expect(await report.textContent()).toContain('1');
    expect(await auditor.locator('.ant-table-row', { hasText: '查看申请（批准）' }).textContent()).toContain('1');
    await auditor.screenshot({ path: '/tmp/shots/minor-compliance-report.png' });
    await auditor.screenshot({ path: screenshotPath('minors-07-report') });
    await auditor.context().close();
  }, 120_000);
});
