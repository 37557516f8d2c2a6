import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxText } from '../../src/modules/exports/__tests__/xlsx-text.ts';
import ExcelJS from '../../src/platform/excel/exceljs.ts';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { signIn } from './sign-in.ts';
import { grantMinorAccess } from './minor-grant-fixture.ts';

/** 完整导出 with its reason dialog, the 429 message, and 安全告警 for the auditor, in a real browser, in Chinese. */
describe('export controls in the browser', () => {
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

  it('exports in full with a reason, then refuses the export past the hourly limit and shows the auditor the alert', async () => {
    const page = await signIn(browser, server.url, 'wuhou_admin');
    await page.goto(`${server.url}/members`);
    await page.getByRole('button', { name: /导出Excel/ }).click();
    await expect.poll(() => page.getByText('脱敏导出').isVisible()).toBe(true);
    await page.getByText('完整导出…').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('导出文件将包含完整的证件号码和手机号码。').isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText(/60分钟内只能下载一次/).isVisible()).toBe(true);
    // Without a reason nothing is sent.
    await dialog.getByRole('button', { name: '生成并下载' }).click();
    await expect.poll(() => dialog.getByText('请填写导出事由（2至200字）').first().isVisible()).toBe(true);
    await dialog.getByLabel('导出事由').fill('向区委组织部报送换届团员名册');
    await expect.poll(() => dialog.getByText('请填写导出事由（2至200字）').count()).toBe(0);
    fs.mkdirSync('/tmp/shots', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/export-with-reason.png' });
    await page.screenshot({ path: screenshotPath('export-with-reason') });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '生成并下载' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^团员名册_完整信息_\d{12}_\d+\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(String(workbook.worksheets[0]!.getCell(1, 1).value)).toContain('事由：向区委组织部报送换届团员名册');
    await expect.poll(() => page.getByText(/已下载：.*服务器上的文件已删除/).isVisible()).toBe(true);

    // Nine more exports this hour (as if made a minute ago) fill the limit of ten.
    const user = await server.database.db.selectFrom('app_user').select('id').where('username', '=', 'wuhou_admin').executeTakeFirstOrThrow();
    const at = new Date(Date.now() - 60_000).toISOString();
    await server.database.db.insertInto('usage_event').values(Array.from({ length: 9 }, () => ({ user_id: user.id, kind: 'export', at }))).execute();
    await page.getByRole('button', { name: /导出Excel/ }).click();
    await page.getByText('完整导出…').click();
    await page.getByRole('dialog').getByLabel('导出事由').fill('再次核对');
    await page.getByRole('dialog').getByRole('button', { name: '生成并下载' }).click();
    await expect.poll(() => page.getByRole('dialog').getByText(/一小时内导出已达10次上限，请于\d{2}:\d{2}（约\d+分钟后）再试/).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('export-rate-limited') });

    const auditor = await signIn(browser, server.url, 'shenji_admin');
    await auditor.goto(`${server.url}/security-alerts`);
    await expect.poll(() => auditor.getByText('导出过于频繁').isVisible()).toBe(true);
    await expect.poll(() => auditor.getByRole('cell', { name: 'wuhou_admin' }).isVisible()).toBe(true);
    await auditor.screenshot({ path: path.join('/tmp/shots', 'security-alerts.png') });
    await auditor.getByRole('button', { name: '确认已处理' }).click();
    await auditor.getByRole('dialog').getByLabel('处理说明（选填）').fill('已电话核实');
    await auditor.getByRole('dialog').getByRole('button', { name: '确认已处理' }).click();
    await expect.poll(() => auditor.getByText('暂无待处理的安全告警').isVisible()).toBe(true);
  });

  it('prints a 公示 list from the applicant drawer with names and organizations only', async () => {
    const db = server.database.db;
    // The test above used up the account's exports for the hour, and a 公示 list counts as one.
    await db.deleteFrom('usage_event').execute();
    const wuhou = await db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    const applicant = await db.selectFrom('applicant').innerJoin('admission_notice', 'admission_notice.applicant_id', 'applicant.id')
      .select(['applicant.id', 'applicant.name', 'applicant.birth_date']).where('applicant.org_path', 'like', `${wuhou.path}%`).where('applicant.status', '=', 'in_progress')
      .orderBy('applicant.id').executeTakeFirstOrThrow();
    await grantMinorAccess(db, 'wuhou_admin', { type: 'applicant', id: applicant.id }); // the demo's applicants are minors under its rule
    const page = await signIn(browser, server.url, 'wuhou_admin');
    await page.goto(`${server.url}/admission`);
    await page.locator('.ant-segmented-item', { hasText: '培养中' }).click();
    await page.getByPlaceholder('申请人姓名').fill(applicant.name);
    await page.getByPlaceholder('申请人姓名').press('Enter');
    // The name may carry a label icon (a minor's record), so it is matched from its start.
    await page.locator('.ant-table-row').getByRole('button', { name: new RegExp(`^${applicant.name}`) }).first().click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByText(`入团申请人：${applicant.name}`).waitFor();
    const button = drawer.getByRole('button', { name: '公示名单' }).first();
    await button.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('notice-print-button') });
    const downloading = page.waitForEvent('download');
    await button.click();
    const download = await downloading;
    const text = xlsxText(fs.readFileSync(await download.path()));
    expect(text).toContain(applicant.name);
    expect(text).toContain('公示');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain(applicant.birth_date);
  });
});
