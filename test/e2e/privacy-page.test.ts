import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { PHONE, signIn } from './sign-in.ts';

/** Waits for dialogs to finish opening (no finite animation running), so that a screenshot shows them. */
async function settled(page: Page): Promise<void> {
  const moving = 'document.getAnimations().some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity)';
  await expect.poll(() => page.evaluate<boolean>(moving), { timeout: 5000 }).toBe(false);
}

/** 我的团籍 · 我的个人信息 and 个人信息申请 in a real browser, in Chinese (DOMAIN §12 LAW-04, LAW-05). */
describe('own data and data requests in the browser', () => {
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

  it('lets a member download their record and ask for a correction, and the branch secretary accept it', async () => {
    const page = await signIn(browser, server.url, 'tuanyuan_demo', PHONE);
    await page.goto(`${server.url}/me`);
    const card = page.locator('.ant-card', { hasText: '我的个人信息' });
    await card.getByRole('button', { name: '下载我的信息' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: '下载我的信息' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^我的团员信息_\d{4}-\d{2}-\d{2}\.json$/);
    const record = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(record.member.idNumber).toMatch(/^\d{17}[\dX]$/);

    await card.getByRole('button', { name: '申请更正' }).click();
    const modal = page.locator('.ant-modal-wrap');
    await modal.getByLabel('需要更正的信息').waitFor();
    // A click while the dialog is still opening can be lost on a loaded machine.
    await settled(page);
    // Bad input is refused on the field before anything is sent.
    await modal.getByRole('button', { name: '提交申请' }).click();
    await modal.getByText('请选择需要更正的信息').waitFor();
    await modal.getByLabel('需要更正的信息').click();
    await page.locator('.ant-select-item-option', { hasText: '工作单位或学校' }).click();
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await modal.getByLabel('正确的内容').fill('成都市第七中学');
    await modal.getByLabel('补充说明').fill('已调到新学校工作');
    await page.screenshot({ path: screenshotPath('privacy-01-member-correction-form'), animations: 'disabled' });
    await modal.getByRole('button', { name: '提交申请' }).click();
    await card.getByText('更正为：成都市第七中学').waitFor();
    await card.getByText('办理中').waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('privacy-02-member-requests'), fullPage: true, animations: 'disabled' });

    const cadre = await signIn(browser, server.url, 'zhishu_demo');
    await cadre.getByRole('menuitem', { name: /个人信息申请/ }).click();
    const row = cadre.locator('tr.ant-table-row', { hasText: '成都市第七中学' });
    await row.waitFor();
    await cadre.screenshot({ path: screenshotPath('privacy-03-cadre-list'), fullPage: true, animations: 'disabled' });
    await row.getByRole('button', { name: /同\s*意/ }).click();
    const decision = cadre.locator('.ant-modal-wrap');
    await decision.getByLabel('更正为').waitFor();
    expect(await decision.getByLabel('更正为').inputValue()).toBe('成都市第七中学');
    await settled(cadre);
    await cadre.screenshot({ path: screenshotPath('privacy-04-cadre-accept'), animations: 'disabled' });
    await decision.getByRole('button', { name: /同\s*意/ }).click();
    await cadre.getByText('暂无需要办理的申请').waitFor();
    await cadre.getByText('全部', { exact: true }).click();
    await cadre.locator('tr.ant-table-row', { hasText: '已同意' }).waitFor();

    await page.reload();
    await card.getByText('已同意').waitFor();

    // A deletion request, once accepted, restricts the record: the member is told, the branch no longer lists them.
    await card.getByRole('button', { name: '申请删除或限制处理' }).click();
    await modal.getByLabel(/^理由/).waitFor();
    await settled(page);
    await modal.getByLabel(/^理由/).click();
    await page.locator('.ant-select-item-option', { hasText: '本人撤回同意' }).click();
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await settled(page);
    await page.screenshot({ path: screenshotPath('privacy-05-member-deletion-form'), animations: 'disabled' });
    await modal.getByRole('button', { name: '提交申请' }).click();
    await card.getByText('本人撤回同意').waitFor();
    await cadre.getByText('待办理', { exact: true }).click();
    await cadre.locator('tr.ant-table-row', { hasText: '本人撤回同意' }).getByRole('button', { name: /同\s*意/ }).click();
    await decision.getByText('同意后，该团员的记录将限制处理').waitFor();
    await settled(cadre);
    await cadre.screenshot({ path: screenshotPath('privacy-06-cadre-accept-deletion'), animations: 'disabled' });
    await decision.getByRole('button', { name: /同\s*意/ }).click();
    await cadre.getByText('暂无需要办理的申请').waitFor();
    await page.reload();
    await card.getByText('您的信息已限制处理').waitFor();
    await page.screenshot({ path: screenshotPath('privacy-07-member-restricted'), fullPage: true, animations: 'disabled' });
  });
});
