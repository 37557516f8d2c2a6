import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { PHONE, signIn } from './sign-in.ts';

/** 团费: the list, assessment, payment and reversal, the statistics and a member's own dues, in a real browser, in Chinese. */
describe('dues page in the browser', () => {
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

  /** The branch of the demo branch secretary. */
  async function secretaryBranch(): Promise<number> {
    const post = await server.database.db
      .selectFrom('post')
      .innerJoin('app_user', 'app_user.id', 'post.user_id')
      .select('post.org_id')
      .where('app_user.username', '=', 'zhishu_demo')
      .executeTakeFirstOrThrow();
    return post.org_id;
  }

  async function openDues(page: Page): Promise<void> {
    await page.getByRole('menuitem', { name: /团费管理/ }).click();
    await page.locator('.ant-table-row').first().waitFor();
  }

  async function chooseKind(page: Page, label: string): Promise<void> {
    await page.locator('.ant-segmented-item', { hasText: label }).click();
  }

  function rowOf(page: Page, name: string): Locator {
    return page.locator('.ant-table-row', { has: page.getByRole('button', { name, exact: true }) });
  }

  /** Screenshots wait for dialogs and drawers to finish sliding in (endless spinners aside). */
  async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
    const moving = 'document.getAnimations().some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity)';
    // A button's click wave fades for two seconds.
    await expect.poll(() => page.evaluate<boolean>(moving), { timeout: 5000 }).toBe(false);
    await page.screenshot({ path: screenshotPath(name), fullPage });
  }

  const monthNow = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

  it('lets a branch secretary assess unassessed members, record their payment and reverse one', async () => {
    const branchId = await secretaryBranch();
    const unassessed = await server.database.db
      .selectFrom('member')
      .select(['id', 'name'])
      .where('org_id', '=', branchId)
      .where('is_active', '=', 1)
      .where('dues_monthly_fen', 'is', null)
      .orderBy('id')
      .execute();
    expect(unassessed.length).toBeGreaterThan(0);
    const names = unassessed.map((m) => m.name);

    const page = await signIn(browser, server.url, 'zhishu_demo');
    await openDues(page);
    await chooseKind(page, '未核定标准');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(unassessed.length);
    for (const name of names) await rowOf(page, name).locator('.ant-checkbox-input').check();
    await page.getByText(`已选 ${names.length} 人`).waitFor();
    await shoot(page, 'dues-01-roster-selection');

    // Paying before the amount is assessed: the server names the members and the dialog says what to do first.
    await page.getByRole('button', { name: '登记收缴' }).click();
    const payModal = page.locator('.ant-modal', { hasText: '登记团费收缴' });
    await payModal.getByText('无法计算合计金额').waitFor();
    await payModal.getByLabel('收据号或转账流水号').fill('SJ-E2E-0001');
    await payModal.getByRole('button', { name: /登\s*记/ }).click();
    const refusal = payModal.getByRole('alert').filter({ hasText: '尚未核定团费标准，请先核定' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(names[0]!);
    await refusal.getByRole('button', { name: '核定团费标准' }).click();

    const assessModal = page.locator('.ant-modal', { hasText: '交纳类别' });
    await assessModal.getByLabel('交纳类别').click();
    await page.locator('.ant-select-item-option', { hasText: '学生（含研究生）' }).click();
    await assessModal.getByLabel('核定说明').fill('在读研究生');
    await shoot(page, 'dues-02-assess-modal');
    await assessModal.getByRole('button', { name: /核\s*定/ }).click();
    await page.locator('.ant-message', { hasText: `已为${names.length}名团员核定团费标准：每月0.20元` }).waitFor();
    // They leave the 未核定 list but stay ticked, ready to pay.
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(0);
    await page.getByText('所有团员都已核定团费标准').waitFor();
    const assessedRows = await server.database.db.selectFrom('member').select('dues_monthly_fen').where('id', 'in', unassessed.map((m) => m.id)).execute();
    expect(assessedRows.map((r) => r.dues_monthly_fen)).toEqual(unassessed.map(() => 20));

    await page.getByRole('button', { name: '登记收缴' }).click();
    await payModal.waitFor();
    await payModal.getByLabel('交纳月数').fill('6');
    await payModal.getByLabel('收据号或转账流水号').fill('SJ-E2E-0001');
    // 0.20 元 × 6 months for each member.
    const total = ((20 * 6 * names.length) / 100).toFixed(2);
    await expect.poll(() => payModal.getByTestId('dues-pay-total').textContent()).toBe(`${total}元`);
    expect(await payModal.getByRole('radio', { name: '现金' }).isChecked()).toBe(true);
    await shoot(page, 'dues-03-pay-modal');
    await payModal.getByRole('button', { name: /登\s*记/ }).click();
    await page.locator('.ant-message', { hasText: `已登记${names.length}笔收缴，共${total}元` }).waitFor();

    await chooseKind(page, '已交清');
    for (const name of names) await rowOf(page, name).waitFor();
    await shoot(page, 'dues-04-paid-up');

    // The ledger: this month paid, then the payment reversed with a reason and the month owed again.
    await rowOf(page, names[0]!).getByRole('button', { name: names[0]!, exact: true }).click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByText(`团费台账：${names[0]}`).waitFor();
    const thisMonth = drawer.locator(`[data-month="${monthNow()}"]`);
    await expect.poll(() => thisMonth.getAttribute('data-state')).toBe('paid');
    const payment = drawer.locator('.ant-table-row', { hasText: 'SJ-E2E-0001' });
    expect(await payment.textContent()).toContain('现金');
    expect(await drawer.textContent()).toContain('学生（含研究生）');
    expect(await drawer.textContent()).toContain('在读研究生');
    await shoot(page, 'dues-05-ledger');

    await payment.getByRole('button', { name: /撤\s*销/ }).click();
    const reverseModal = page.locator('.ant-modal', { hasText: '撤销收缴记录' });
    await reverseModal.getByLabel('撤销原因').fill('收据号登记错误，重新登记');
    await shoot(page, 'dues-06-reverse-modal');
    await reverseModal.getByRole('button', { name: /撤\s*销/ }).click();
    await page.locator('.ant-message', { hasText: `已撤销${names[0]}的收缴记录` }).waitFor();
    await expect.poll(() => thisMonth.getAttribute('data-state')).toBe('owed');
    await expect.poll(() => payment.textContent()).toContain('已撤销');
    expect(await payment.textContent()).toContain('收据号登记错误，重新登记');
    await shoot(page, 'dues-07-reversed');
    await drawer.locator('.ant-drawer-close').click();

    // Only the latest payment can be reversed: the server's refusal of an older one shows in the dialog.
    const [older] = await server.database.db
      .selectFrom('member')
      .innerJoin('dues_payment', 'dues_payment.member_id', 'member.id')
      .select(['member.id', 'member.name'])
      .where('member.org_id', '=', branchId)
      .where('dues_payment.status', '=', 'recorded')
      .groupBy(['member.id', 'member.name'])
      .having((eb) => eb.fn.countAll(), '>=', 2)
      .orderBy('member.id')
      .execute();
    expect(older).toBeDefined();
    await chooseKind(page, '全部');
    await page.getByPlaceholder('姓名或拼音首字母').fill(older!.name);
    await page.getByPlaceholder('姓名或拼音首字母').press('Enter');
    await rowOf(page, older!.name).first().getByRole('button', { name: older!.name, exact: true }).click();
    await drawer.getByText(`团费台账：${older!.name}`).waitFor();
    await drawer.locator('.ant-table-row', { hasText: '已登记' }).last().getByRole('button', { name: /撤\s*销/ }).click();
    await reverseModal.getByLabel('撤销原因').fill('试图撤销较早的记录');
    await reverseModal.getByRole('button', { name: /撤\s*销/ }).click();
    await reverseModal.getByRole('alert').filter({ hasText: '只能撤销该团员最近的一笔收缴记录' }).waitFor();
    await shoot(page, 'dues-08-reverse-refused');

    const actions = await server.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'dues.%').execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['dues.assess', 'dues.pay', 'dues.reverse']);
    await page.context().close();
  });

  it('shows a county committee the collection statistics of its organizations, as the API counts them', async () => {
    const page = await signIn(browser, server.url, 'wuhou_admin');
    await openDues(page);
    await page.getByRole('tab', { name: '收缴统计' }).click();
    const table = page.locator('.ant-table-bordered');
    await table.locator('.ant-table-row').first().waitFor();

    type Row = {
      orgId: number; name: string; active: number; assessed: number; unassessed: number; paidUp: number; owing: number; lapse: number;
      paidUpRate: number | null; collectedMonthFen: number; collectedYearFen: number; paymentsYear: number; retainedYearFen: number; remittedYearFen: number;
    };
    const stats = await page.evaluate(async () => {
      const response = await fetch('/api/dues/stats', { credentials: 'same-origin' });
      return (await response.json()) as { org: Row; children: Row[] };
    });
    expect(stats.org.name).toBe('共青团武侯区委');
    expect(stats.children.length).toBeGreaterThan(1);

    const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
    for (const row of [stats.org, ...stats.children]) {
      const cells = await table.locator(`tr[data-row-key="${row.orgId}"] td`).allTextContents();
      expect(cells[0]).toContain(row.name);
      expect(cells.slice(1)).toEqual([
        row.active, row.assessed, row.unassessed, row.paidUp, row.owing, row.lapse, rate(row.paidUpRate),
        yuan(row.collectedMonthFen), yuan(row.collectedYearFen), row.paymentsYear, yuan(row.retainedYearFen), yuan(row.remittedYearFen),
      ].map(String));
    }
    const rateCard = page.locator('.tw-stat-card', { hasText: '本月已交清率' });
    expect(await rateCard.textContent()).toContain(rate(stats.org.paidUpRate));
    expect(await page.locator('.tw-stat-card', { hasText: '脱团预警人数' }).textContent()).toContain(String(stats.org.lapse));
    await page.getByRole('figure', { name: '直属下级本月已交清率' }).waitFor();
    await shoot(page, 'dues-09-stats', true);

    // A child's row opens that organization's own statistics.
    const child = stats.children[0]!;
    await table.locator(`tr[data-row-key="${child.orgId}"]`).getByRole('button', { name: child.name }).click();
    await expect.poll(() => table.locator('.tw-stat-total').textContent()).toContain(child.name);
    await page.context().close();
  });

  it('fits the list of a branch on a phone', async () => {
    const page = await signIn(browser, server.url, 'zhishu_demo', PHONE);
    await page.goto(`${server.url}/dues`);
    await page.locator('.ant-table-row').first().waitFor();
    await chooseKind(page, '欠交');
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '欠' }).count()).toBeGreaterThan(0);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    await shoot(page, 'dues-11-roster-phone', true);
    await page.context().close();
  });

  it('shows a member their own dues on the phone', async () => {
    const page = await signIn(browser, server.url, 'tuanyuan_demo', PHONE);
    await page.waitForURL((url) => url.pathname === '/me');
    const card = page.locator('.ant-card', { hasText: '我的团费' });
    await card.getByText('月交团费').waitFor();
    expect(await card.locator('[data-month]').count()).toBe(12);
    await card.getByText('最近的交纳').waitFor();
    // Nothing spills sideways on a phone.
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    await shoot(page, 'dues-10-me-phone', true);
    await page.context().close();
  });
});
