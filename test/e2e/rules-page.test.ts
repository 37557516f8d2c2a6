import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { signIn } from './sign-in.ts';

/** 规则参数 in a real browser against a real server process, in Chinese. */
describe('rules page in the browser', () => {
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

  async function openRules(page: Page): Promise<void> {
    await page.getByRole('menuitem', { name: /规则参数/ }).click();
    await page.locator('tr[data-row-key="membership.maxAge"]').waitFor();
  }

  /** Types into the search box and waits until the one matching rule is all the list shows. */
  async function search(page: Page, text: string, key: string) {
    await page.getByPlaceholder('搜索参数、说明或依据').fill(text);
    await expect.poll(() => page.locator('tr.ant-table-row-level-0').count()).toBe(1);
    return page.locator(`tr[data-row-key="${key}"]`);
  }

  it('lets the system administrator find a rule, refuses a value out of bounds on the field, then records the change', async () => {
    // Rule numbers belong to the system administrator (三员, DOMAIN §12 DB-06).
    const page = await signIn(browser, server.url, 'xitong_admin');
    await openRules(page);
    // Every group of the rules table is shown under its own heading.
    for (const group of ['组织', '团籍', '账号安全', '数据导入']) {
      await page.getByRole('region', { name: group, exact: true }).waitFor();
    }
    await page.screenshot({ path: screenshotPath('rules-01-page'), fullPage: true });

    const row = await search(page, '超龄', 'membership.maxAge');
    await expect.poll(() => row.textContent()).toContain('28周岁');
    expect(await row.textContent()).not.toContain('省级调整');

    await row.getByRole('button', { name: '调整' }).click();
    const modal = page.locator('.ant-modal');
    await modal.waitFor();
    await modal.getByLabel('新取值').fill('3000');
    await modal.getByLabel('依据').fill('共青团四川省委2026年团籍管理规定第三条');
    await modal.getByLabel('调整原因').fill('按省里新规定调整超龄离团年龄');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    // The server's limit, on the field it is about.
    const valueItem = modal.locator('.ant-form-item', { has: page.getByLabel('新取值') });
    await valueItem.locator('.ant-form-item-explain-error', { hasText: '不能超过默认值的100倍（2800）' }).waitFor();
    await page.screenshot({ path: screenshotPath('rules-02-field-error') });

    await modal.getByLabel('新取值').fill('30');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.locator('.ant-message', { hasText: '已调整：超龄离团年龄' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('30周岁');
    expect(await row.textContent()).toContain('省级调整');

    await row.locator('.ant-table-row-expand-icon').click();
    const history = page.locator('.tw-rule-history');
    const change = history.locator('.ant-table-row', { hasText: '按省里新规定调整超龄离团年龄' });
    await change.waitFor();
    expect(await change.textContent()).toContain('xitong_admin');
    expect(await change.textContent()).toContain('生效中');
    expect(await history.textContent()).toContain('默认值 28周岁');
    await page.screenshot({ path: screenshotPath('rules-03-changed') });

    // (the demo itself sets minors.sensitiveAge for its minors' records)
    const stored = await server.database.db.selectFrom('rule_override').select(['rule_key', 'value', 'reason']).where('rule_key', '=', 'membership.maxAge').execute();
    expect(stored.map((r) => ({ ...r, value: Number(r.value) }))).toEqual([
      { rule_key: 'membership.maxAge', value: 30, reason: '按省里新规定调整超龄离团年龄' },
    ]);

    // The system administrator has no audit log; the auditor's names the action in words.
    expect(await page.getByRole('menuitem', { name: /审计日志/ }).count()).toBe(0);
    await page.context().close();
    const auditor = await signIn(browser, server.url, 'shenji_admin');
    await auditor.getByRole('menuitem', { name: /审计日志/ }).click();
    await auditor.locator('.ant-table-row', { hasText: '调整规则参数' }).first().waitFor();
    await auditor.context().close();
  });

  it('shows a county cadre the rules and the province value without the 调整 button', async () => {
    const page = await signIn(browser, server.url, 'wuhou_admin');
    await openRules(page);
    const row = await search(page, 'membership.maxage', 'membership.maxAge');
    await expect.poll(() => row.textContent()).toContain('30周岁');
    expect(await row.textContent()).toContain('省级调整');
    expect(await page.getByRole('button', { name: '调整' }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: '操作' }).count()).toBe(0);
    await page.getByPlaceholder('搜索参数、说明或依据').fill('');
    await expect.poll(() => page.locator('tr.ant-table-row-level-0').count()).toBeGreaterThan(10);
    await page.screenshot({ path: screenshotPath('rules-04-county') });
    await page.context().close();
  });
});
