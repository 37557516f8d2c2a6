import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { PHONE, signIn } from './sign-in.ts';

// Sichuan's 2021 plan as exported from Word, kept beside the repository rather than in it.
const PLAN_FILE = path.resolve(import.meta.dirname, '../../../shared/seed/000_822da9a7e9b50668.txt');
// The demo may hold a plan of the current year for the province: the import uses a past year.
const YEAR = 2021;

/**
 * 工作要点 in a real browser, in Chinese: the province imports Sichuan's 2021 plan through the
 * wizard (5 sections, 39 tasks, the targets found kept), reports progress on one task (a refused
 * try leaves no attachment behind), and the board and the section's progress follow; 督办 and the
 * board on a phone.
 */
describe('work plan pages in the browser', () => {
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

  const db = () => server.database.db;

  /** Waits for dialogs and drawers to finish sliding in (endless spinners aside). */
  async function settle(page: Page): Promise<void> {
    const moving = 'document.getAnimations().some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity)';
    await expect.poll(() => page.evaluate<boolean>(moving), { timeout: 10_000 }).toBe(false);
  }

  /** Screenshots wait for the success messages to fade and the page to settle; a full page starts at the top. */
  async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
    await settle(page);
    await page.screenshot({ path: screenshotPath(name), fullPage });
  }

  const sections = (page: Page) => page.locator('.tw-wp-section');

  /** A section's own progress bar, found by its heading (一、…). */
  async function sectionProgress(page: Page, index: number): Promise<number> {
    const section = sections(page).nth(index);
    const heading = (await section.getByRole('heading').textContent())!;
    return Number(await section.getByRole('progressbar', { name: `${heading}进度`, exact: true }).getAttribute('aria-valuenow'));
  }

  it('imports the 2021 plan, reports on a task and shows the progress on the board', async () => {
    const page = await signIn(browser, server.url, 'sheng_admin');
    await page.getByRole('menuitem', { name: /工作要点/ }).click();
    await page.waitForURL((url) => url.pathname === '/workplan');
    await page.getByRole('button', { name: '导入工作要点' }).first().click();

    const wizard = page.locator('.ant-modal', { hasText: '选择团委和文件' });
    // The committee defaults to the post's own; the year is typed over this year's.
    await wizard.locator('.ant-select', { hasText: '共青团四川省委' }).waitFor();
    await settle(page);
    await wizard.getByLabel('年度').fill(String(YEAR));
    await wizard.locator('input[type=file]').setInputFiles(PLAN_FILE);
    await wizard.getByRole('button', { name: '识别文件' }).click();

    await wizard.getByText(/识别出 5 个板块、39 项任务，找到 \d+ 个量化指标/).waitFor();
    expect(await wizard.getByLabel('工作要点标题').inputValue()).toBe(`共青团四川省委${YEAR}年工作要点`);
    // Every target found is kept until unchecked; its chip shows the measure, the phrase is its tooltip.
    const chips = wizard.locator('.tw-target-chip');
    const found = await chips.count();
    expect(found).toBeGreaterThan(0);
    expect(await wizard.locator('.tw-target-chip.ant-tag-checkable-checked').count()).toBe(found);
    await wizard.locator('.tw-target-chip', { hasText: '≥ 90%' }).first().waitFor();
    // The targets are easier to check among only the tasks that have them.
    await wizard.getByLabel('只看有量化指标的任务').check();
    await expect.poll(() => wizard.getByText('广泛开展党史学习教育').count()).toBe(0);
    await shoot(page, 'workplan-01-import-preview');

    await wizard.getByRole('button', { name: '确认导入' }).click();
    await page.waitForURL((url) => /^\/workplan\/\d+$/.test(url.pathname));
    const planId = Number(new URL(page.url()).pathname.split('/')[2]);
    const plan = await db().selectFrom('work_plan').select(['org_id', 'year', 'title']).where('id', '=', planId).executeTakeFirstOrThrow();
    expect(plan).toEqual({ org_id: 1, year: YEAR, title: `共青团四川省委${YEAR}年工作要点` });
    const confirmed = await db().selectFrom('plan_target').innerJoin('plan_task', 'plan_task.id', 'plan_target.task_id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('plan_task.plan_id', '=', planId).where('plan_target.status', '=', 'confirmed').executeTakeFirstOrThrow();
    expect(Number(confirmed.n)).toBe(found);

    // The board: five sections, 39 tasks, nothing reported yet.
    await expect.poll(() => sections(page).count()).toBe(5);
    expect(await page.locator('.tw-wp-section .ant-table-row').count()).toBe(39);
    expect(await sectionProgress(page, 0)).toBe(0);
    await page.getByRole('figure', { name: '各板块进度' }).waitFor();
    await shoot(page, 'workplan-02-board', true);

    // 深化青年大学习行动 has no target: the share reported done is its progress.
    await page.getByRole('link', { name: '深化青年大学习行动' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/workplan/tasks/'));
    await page.getByRole('heading', { name: '深化青年大学习行动' }).waitFor();
    await page.getByRole('button', { name: '报送进展' }).first().click();
    const form = page.locator('.ant-modal', { hasText: '报送进展：深化青年大学习行动' });
    await form.getByLabel('进展情况').waitFor();
    await settle(page);
    // A past year's plan reports for its December by default.
    expect(await form.getByLabel('报送月份').inputValue()).toBe(`${YEAR}-12`);
    expect(await form.getByTestId('report-org').textContent()).toBe('共青团四川省委');
    const text = '全省各级团组织组织团员青年按期学习“青年大学习”，参学人次稳步上升。';
    await form.getByLabel('进展情况').fill(text);
    await form.getByRole('spinbutton', { name: '完成比例' }).fill('50');
    await form.locator('input[type=file]').setInputFiles({ name: '学习情况.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    // A report refused once its files are up (the refusal stands in for the server's): the form deletes them again and says why.
    const reportsUrl = '**/api/workplan/tasks/*/reports';
    await page.route(reportsUrl, (route) => route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'WORKPLAN_REFUSED', message: '本月已报送', messageEn: 'already reported' } }) }));
    await form.getByRole('button', { name: /^报\s*送$/ }).click();
    await form.getByRole('alert').getByText('本月已报送').waitFor();
    const attachments = () => db().selectFrom('plan_attachment').innerJoin('plan_task', 'plan_task.id', 'plan_attachment.task_id')
      .select(['plan_attachment.file_name', 'plan_attachment.report_id']).where('plan_task.plan_id', '=', planId).execute();
    await expect.poll(attachments).toEqual([]);
    await page.unroute(reportsUrl);
    await form.getByRole('button', { name: /^报\s*送$/ }).click();
    await page.locator('.ant-message', { hasText: `已报送${YEAR}-12进展` }).waitFor();
    await form.waitFor({ state: 'detached' });
    const reports = page.locator('.tw-wp-reports');
    await reports.getByText(text).waitFor();
    expect(await reports.textContent()).toContain('完成 50%');
    await reports.getByText('学习情况.pdf').waitFor();
    await expect.poll(() => page.getByRole('progressbar', { name: '当前进度', exact: true }).getAttribute('aria-valuenow')).toBe('50');
    await shoot(page, 'workplan-03-task', true);

    const report = await db().selectFrom('plan_report').innerJoin('plan_task', 'plan_task.id', 'plan_report.task_id')
      .select(['plan_task.title', 'plan_report.org_id', 'plan_report.period', 'plan_report.percent', 'plan_report.kind'])
      .where('plan_task.plan_id', '=', planId).executeTakeFirstOrThrow();
    expect(report).toEqual({ title: '深化青年大学习行动', org_id: 1, period: `${YEAR}-12`, percent: 50, kind: 'monthly' });
    expect(await attachments()).toEqual([{ file_name: '学习情况.pdf', report_id: expect.any(Number) }]);

    // Back on the board the first section has moved off zero.
    await page.locator('.tw-wp-crumbs').getByRole('link', { name: plan.title }).click();
    await page.waitForURL((url) => url.pathname === `/workplan/${planId}`);
    await expect.poll(() => sections(page).count()).toBe(5);
    await expect.poll(() => sectionProgress(page, 0)).toBeGreaterThan(0);

    // 督办: a past year's tasks not done are overdue, for the province itself.
    await page.getByRole('button', { name: '督办' }).click();
    await page.waitForURL((url) => url.pathname === `/workplan/${planId}/supervision`);
    await page.getByRole('tab', { name: '问题清单（39）' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '深化青年大学习行动' }).waitFor();
    // Every row is the province's own (nothing assigned yet): nobody to remind.
    expect(await page.getByRole('button', { name: '督办提醒' }).count()).toBe(0);
    await shoot(page, 'workplan-04-supervision', true);
    await page.getByRole('tab', { name: '按部门' }).click();
    await page.getByRole('figure', { name: '各牵头部门任务状态' }).waitFor();
    // The import names no lead department: the server's unnamed group is labelled in Chinese.
    await page.getByRole('cell', { name: '未明确牵头部门', exact: true }).waitFor();
    await shoot(page, 'workplan-05-supervision-departments', true);
    await page.context().close();

    // The board on a phone: every table scrolls inside its card, nothing spills sideways.
    const phone = await signIn(browser, server.url, 'sheng_admin', PHONE);
    await phone.goto(`${server.url}/workplan/${planId}`);
    await expect.poll(() => sections(phone).count()).toBe(5);
    expect(await phone.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    await shoot(phone, 'workplan-06-board-phone', true);
    await phone.context().close();
  }, 240_000);
});
