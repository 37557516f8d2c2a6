import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { DESKTOP, PHONE, signIn } from './sign-in.ts';

/**
 * The pages laid out as the organization tree beside (wide screen) or above (phone) their content,
 * and the statistics page's weak-branch list naming where each branch is; in Chinese.
 */
describe('tree-and-content pages in the browser', () => {
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

  /** The tree panel's and the content area's boxes, once the tree shows its root. */
  async function workspaceBoxes(page: Page) {
    await page.locator('.tw-workspace-side .ant-tree-node-content-wrapper', { hasText: '共青团武侯区委' }).waitFor();
    const side = await page.locator('.tw-workspace-side').boundingBox();
    const main = await page.locator('.tw-workspace-main').boundingBox();
    if (!side || !main) throw new Error('the tree panel or the content area is not on the page');
    return { side, main };
  }

  // A string, because the test code is type-checked without the browser's globals.
  const pageIsWiderThanScreen = (page: Page) =>
    page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');

  it('puts the tree beside the content on the organization, member and statistics pages', async () => {
    const page = await signIn(browser, server.url, 'wuhou_admin', DESKTOP);
    const pages = [
      { path: '/orgs', ready: '.ant-table-row', shot: 'layout-01-orgs' },
      { path: '/members', ready: '.ant-table-row', shot: 'layout-02-members' },
      { path: '/members/stats', ready: '.tw-stat-total', shot: 'layout-03-stats' },
    ];
    for (const { path, ready, shot } of pages) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      const { side, main } = await workspaceBoxes(page);
      expect(side.x + side.width).toBeLessThanOrEqual(main.x);
      expect(Math.abs(side.y - main.y)).toBeLessThan(2);
      expect(await pageIsWiderThanScreen(page)).toBe(false);
      await page.screenshot({ path: screenshotPath(shot) });
    }
    await page.context().close();
  });

  it('stacks the tree above the member list on a phone', async () => {
    const page = await signIn(browser, server.url, 'wuhou_admin', PHONE);
    await page.goto(`${server.url}/members`);
    await page.locator('.ant-table-row').first().waitFor();
    const { side, main } = await workspaceBoxes(page);
    expect(side.y + side.height).toBeLessThanOrEqual(main.y);
    expect(side.width).toBeGreaterThan(PHONE.width - 40);
    expect(await pageIsWiderThanScreen(page)).toBe(false);
    await page.screenshot({ path: screenshotPath('layout-04-members-phone'), fullPage: true });
    await page.context().close();
  });

  /** A new, empty 团支部 through the API with the page's session: hollow and without a cadre. */
  async function createEmptyBranch(page: Page, parentName: string, name: string): Promise<void> {
    const parent = await server.database.db.selectFrom('organization').select('id').where('name', '=', parentName).executeTakeFirstOrThrow();
    const me = await page.request.get(`${server.url}/api/auth/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const created = await page.request.post(`${server.url}/api/orgs`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { parentId: parent.id, name, type: 'branch', kind: 'normal', industryCategory: 'other' },
    });
    expect(created.status(), await created.text()).toBe(201);
  }

  it('names the parent organizations of each weak branch', async () => {
    const page = await signIn(browser, server.url, 'wuhou_admin', DESKTOP);
    // The demo's branches all have members and a secretary: add two new ones, one of them nested.
    await createEmptyBranch(page, '共青团武侯区委', '新成立青年突击队团支部');
    await createEmptyBranch(page, '高二年级团总支', '高二（9）班团支部');
    await page.goto(`${server.url}/members/stats`);
    await page.getByRole('tab', { name: '空心团支部' }).click();
    await page.getByRole('columnheader', { name: '所属组织' }).waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    // 所属组织: the parents below the chosen organization (武侯区), top first.
    const parentsOf = (branch: string) =>
      page.locator('.ant-table-row', { hasText: branch }).locator('td').nth(1).textContent();
    expect(await parentsOf('高二（9）班团支部')).toBe('武侯区第七中学团委 › 高二年级团总支');
    expect(await parentsOf('新成立青年突击队团支部')).toBe('本级直属');
    await page.screenshot({ path: screenshotPath('stats-weak-branches') });
    await page.context().close();
  });
});
