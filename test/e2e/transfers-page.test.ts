import { sql } from 'kysely';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { PHONE, signIn } from './sign-in.ts';

/**
 * 组织关系转接 in a real browser, in Chinese: a transfer from a 武侯区 branch to a 郫都区 branch
 * started, decided stage by stage (the county on behalf of the street committee, the province on
 * behalf of 郫都区, which has no account) and completed; the 工作台's 待办; a graduate batch and the
 * graduate transfer rate; a member's own transfer on a phone.
 */
describe('transfers page in the browser', () => {
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
  const orgPath = async (name: string) =>
    (await db().selectFrom('organization').select('path').where('name', '=', name).executeTakeFirstOrThrow()).path;

  /** The branch of the demo branch secretary (tuanyuan_demo's branch too). */
  async function secretaryBranch(): Promise<number> {
    const post = await db()
      .selectFrom('post')
      .innerJoin('app_user', 'app_user.id', 'post.user_id')
      .select('post.org_id')
      .where('app_user.username', '=', 'zhishu_demo')
      .executeTakeFirstOrThrow();
    return post.org_id;
  }

  /** A member of the branch holding 团籍 normally, without a transfer or an account, whose name no one else there has. */
  async function mover(branchId: number) {
    const unique = db().selectFrom('member').select('name').where('org_id', '=', branchId).groupBy('name').having(sql<number>`count(*)`, '=', 1);
    return db()
      .selectFrom('member')
      .select(['id', 'name'])
      .where('org_id', '=', branchId)
      .where('status', '=', 'normal')
      .where('name', 'in', unique)
      .where('id', 'not in', db().selectFrom('transfer').select('member_id'))
      .where('id', 'not in', db().selectFrom('app_user').select('member_id').where('member_id', 'is not', null))
      .orderBy('id')
      .executeTakeFirstOrThrow();
  }

  /** Transfers waiting (to be decided or an appeal) at organizations below a path: the 待办 count. */
  async function waitingBelow(path: string): Promise<number> {
    const row = await db()
      .selectFrom('transfer')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'appealed'])
      .where('stage_org_path', 'like', `${path}%`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Waits for dialogs and drawers to finish sliding in (endless spinners aside). */
  async function settle(page: Page): Promise<void> {
    const moving = 'document.getAnimations().some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity)';
    await expect.poll(() => page.evaluate<boolean>(moving), { timeout: 10_000 }).toBe(false);
  }

  /**
   * Screenshots wait for the page to settle and for the success messages to fade, which would cover
   * the drawer's title; a full page starts at the top.
   */
  async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
    await settle(page);
    await page.screenshot({ path: screenshotPath(name), fullPage });
  }

  /**
   * An option of the select opened last: a list just closed stays in the page while it fades, and
   * the newest list comes after it.
   */
  const option = (page: Page, text: string | RegExp, alsoText?: string) => {
    const found = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });
    return (alsoText ? found.filter({ hasText: alsoText }) : found).last();
  };

  /**
   * Opens a select (typing `typed` into it when it searches), picks `pick` and waits for `done`. On
   * a loaded machine a click can land while the list is still opening; the choice is then made
   * again, and a third miss leaves a screenshot of how the page looked.
   */
  async function choose(page: Page, select: Locator, pick: Locator, done: Locator, typed?: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (!(await pick.isVisible())) {
        await select.click();
        if (typed) await page.keyboard.type(typed);
      }
      try {
        await pick.click({ timeout: 15_000 });
        await done.waitFor({ timeout: 10_000 });
        return;
      } catch (error) {
        if (attempt === 3) {
          await page.screenshot({ path: screenshotPath('transfers-failed-choice') });
          throw error;
        }
      }
    }
  }

  const drawerOf = (page: Page) => page.locator('.ant-drawer-section');

  /** The success message sits over the drawer's close button (and stays while hovered): it goes first. */
  async function closeDrawer(page: Page): Promise<void> {
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await page.locator('.ant-drawer-close').click();
    await drawerOf(page).waitFor({ state: 'detached' });
  }
  const rowOf = (page: Page, name: string) => page.locator('.ant-table-row', { has: page.getByRole('button', { name, exact: true }) });

  /** Opens the transfer of `name` from the current box through the search. */
  async function openTransfer(page: Page, name: string): Promise<Locator> {
    await page.getByPlaceholder('团员姓名').fill(name);
    await page.getByPlaceholder('团员姓名').press('Enter');
    await rowOf(page, name).getByRole('button', { name, exact: true }).click();
    const drawer = drawerOf(page);
    await drawer.getByText(`转接详情：${name}`).waitFor();
    return drawer;
  }

  /** 同意 in the drawer, confirmed in its dialog; resolves once the success message shows. */
  async function approve(page: Page, drawer: Locator, name: string): Promise<void> {
    await drawer.getByRole('button', { name: /^同\s*意$/ }).click();
    const modal = page.locator('.ant-modal', { hasText: `同意：${name}` });
    await modal.getByRole('button', { name: /^同\s*意$/ }).click();
    await page.locator('.ant-message', { hasText: `已同意${name}的转接` }).last().waitFor();
    await modal.waitFor({ state: 'detached' });
  }

  it('carries a transfer from a 武侯区 branch to a 郫都区 branch through every stage', async () => {
    const branchId = await secretaryBranch();
    const member = await mover(branchId);
    const wuhouPath = await orgPath('共青团武侯区委');
    const piduPath = await orgPath('共青团郫都区委');
    // A 郫都区 branch other than the demo's own destination, with the same name as one in 武侯区.
    const target = await db()
      .selectFrom('organization')
      .select(['id', 'name'])
      .where('type', '=', 'branch')
      .where('kind', '=', 'normal')
      .where('status', '=', 'active')
      .where('path', 'like', `${piduPath}%`)
      .orderBy('id')
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow();
    // The demo's transfer waiting at the street committee: its member cannot get a second one.
    const busy = await db()
      .selectFrom('transfer')
      .select('member_name')
      .where('from_org_id', '=', branchId)
      .where('status', '=', 'pending')
      .orderBy('id')
      .executeTakeFirstOrThrow();

    // The branch secretary starts it; its own stage counts as approved.
    const secretary = await signIn(browser, server.url, 'zhishu_demo');
    await secretary.getByRole('menuitem', { name: /组织关系转接/ }).click();
    await secretary.getByRole('button', { name: /发起转接/ }).click();
    const form = secretary.locator('.ant-modal', { hasText: '发起组织关系转接' });
    await form.getByLabel('转出团员').waitFor();
    await settle(secretary);
    const chosen = (text: string) => form.locator('.ant-select', { hasText: text });
    await choose(secretary, form.getByLabel('转出团员'), option(secretary, busy.member_name), chosen(busy.member_name), busy.member_name);
    await choose(secretary, form.getByLabel('转接原因'), option(secretary, '就业、工作调动'), chosen('就业、工作调动'));
    const targetLabel = `${target.name}（郫都区红牌楼街道团工委）`;
    await choose(secretary, form.getByLabel('转入团支部'), option(secretary, target.name, '共青团郫都区委'), chosen(targetLabel), target.name);
    await form.getByRole('button', { name: /提\s*交/ }).click();
    // The server refuses a second open transfer and says so under the form.
    await form.getByRole('alert').filter({ hasText: '该团员已有正在办理的组织关系转接' }).waitFor();

    await choose(secretary, form.getByLabel('转出团员'), option(secretary, member.name), chosen(member.name), member.name);
    await form.getByLabel('具体说明').fill('到郫都区新单位就业');
    await expect.poll(() => form.getByRole('alert').count()).toBe(0);
    // The chosen branch reads with the organization above it: 郫都区's, not 武侯区's of the same name.
    expect(await form.textContent()).toContain(targetLabel);
    await shoot(secretary, 'transfers-02-start-form');
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await secretary.locator('.ant-message', { hasText: `已为${member.name}发起转接，现由武侯区红牌楼街道团工委审批` }).waitFor();
    const started = drawerOf(secretary);
    await started.getByText(`转接详情：${member.name}`).waitFor();
    await started.getByText('正在等待武侯区红牌楼街道团工委审批').waitFor();
    // The branch applied and may withdraw; the stage is the street committee's, so nothing to decide here.
    await started.getByRole('button', { name: /^撤\s*回$/ }).waitFor();
    expect(await started.getByRole('button', { name: /^(同\s*意|退\s*回|申\s*诉)$/ }).count()).toBe(0);
    await secretary.context().close();

    const transfer = await db().selectFrom('transfer').selectAll().where('member_id', '=', member.id).executeTakeFirstOrThrow();
    expect(transfer.to_org_id).toBe(target.id);
    expect(JSON.parse(transfer.stages)).toEqual(['out_branch', 'out_parent', 'in_branch', 'in_parent']);
    expect(transfer.stage_index).toBe(1);

    // The county lands on its 工作台, where the transfer waits among its 待办.
    const county = await signIn(browser, server.url, 'wuhou_admin');
    const todoCard = county.locator('[data-todo-kind="transfer_decisions"]');
    const waiting = await waitingBelow(wuhouPath);
    expect(waiting).toBeGreaterThanOrEqual(2);
    await expect.poll(() => todoCard.getByTestId('todo-count').textContent()).toBe(String(waiting));
    expect(await todoCard.textContent()).toContain('待审批的组织关系转接');
    await shoot(county, 'transfers-03-workbench');
    await todoCard.click();
    await county.waitForURL((url) => url.pathname === '/transfers' && url.searchParams.get('box') === 'todo');
    await county.getByRole('tab', { name: new RegExp(`待我审批\\s*${waiting}`), selected: true }).waitFor();
    await rowOf(county, member.name).waitFor();
    const row = await rowOf(county, member.name).textContent();
    expect(row).toContain('第2/4环节：转出团支部的上级团组织');
    // Both branches read with the organization above them: branch names repeat across the province.
    expect(row).toContain(`（武侯区红牌楼街道团工委）`);
    expect(row).toContain(targetLabel);
    await shoot(county, 'transfers-01-todo-list');

    // The street committee has no account: the county decides on its behalf.
    const drawer = await openTransfer(county, member.name);
    await drawer.getByRole('button', { name: /^退\s*回$/ }).waitFor();
    // Exactly what the server opens to the county: the stage's decisions, and 撤回 for the sending side; no 申诉 before a return.
    expect(await drawer.locator('.ant-btn').filter({ hasText: /^(同\s*意|退\s*回|撤\s*回|申\s*诉)$/ }).allTextContents()).toEqual(['同 意', '退 回', '撤 回']);
    expect(await drawer.getByRole('region', { name: '转接信息' }).textContent()).toContain(targetLabel);
    await shoot(county, 'transfers-04-detail-midway');
    await approve(county, drawer, member.name);
    await drawer.getByText(`正在等待${targetLabel}审批`).waitFor();
    const countyDecision = drawer.locator('.ant-timeline-item', { hasText: '武侯区红牌楼街道团工委' }).filter({ hasText: '同意' });
    await countyDecision.getByText('代审批').waitFor();
    expect(await countyDecision.textContent()).toContain('wuhou_admin');
    // Waiting in 郫都区 now: nothing for the county to decide, and it left the county's box.
    await expect.poll(() => drawer.getByRole('button', { name: /^同\s*意$/ }).count()).toBe(0);
    await closeDrawer(county);
    await expect.poll(() => rowOf(county, member.name).count()).toBe(0);
    await county.context().close();

    // The province decides both 郫都区 stages on their behalf; a return needs its reason first.
    const province = await signIn(browser, server.url, 'sheng_admin');
    await province.goto(`${server.url}/transfers`);
    const provinceDrawer = await openTransfer(province, member.name);
    await provinceDrawer.getByRole('button', { name: /^退\s*回$/ }).click();
    const returnModal = province.locator('.ant-modal', { hasText: `退回：${member.name}` });
    await returnModal.getByRole('button', { name: /^退\s*回$/ }).click();
    await returnModal.getByText('请写明理由，申请方据此修改或申诉').waitFor();
    await returnModal.getByRole('button', { name: /取\s*消/ }).click();
    await returnModal.waitFor({ state: 'detached' });
    await approve(province, provinceDrawer, member.name);
    await provinceDrawer.getByText('正在等待郫都区红牌楼街道团工委审批').waitFor();
    await approve(province, provinceDrawer, member.name);

    await provinceDrawer.getByText(`接转成功：${member.name}的组织关系已转入${targetLabel}。`).waitFor();
    await provinceDrawer.locator('.ant-drawer-title').getByText('接转成功').waitFor();
    const chain = provinceDrawer.getByRole('region', { name: '审批环节' });
    await expect.poll(() => chain.locator('.ant-steps-item-finish').count()).toBe(4);
    const from = await db().selectFrom('organization').select('name').where('id', '=', branchId).executeTakeFirstOrThrow();
    for (const org of [from.name, '武侯区红牌楼街道团工委', target.name, '郫都区红牌楼街道团工委']) {
      expect(await chain.textContent()).toContain(org);
    }
    await provinceDrawer.locator('.ant-timeline-item', { hasText: '接转完成' }).waitFor();
    await shoot(province, 'transfers-05-detail-completed');
    await province.context().close();

    const moved = await db().selectFrom('member').select(['org_id', 'status']).where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(moved).toEqual({ org_id: target.id, status: 'normal' });
    const events = await db().selectFrom('transfer_event').select(['stage', 'action', 'on_behalf', 'actor_username']).where('transfer_id', '=', transfer.id).orderBy('id').execute();
    expect(events.map((e) => [e.stage, e.action, e.on_behalf, e.actor_username])).toEqual([
      ['out_branch', 'submit', 0, 'zhishu_demo'],
      ['out_branch', 'approve', 0, 'zhishu_demo'],
      ['out_parent', 'approve', 1, 'wuhou_admin'],
      ['in_branch', 'approve', 1, 'sheng_admin'],
      ['in_parent', 'approve', 1, 'sheng_admin'],
      [null, 'complete', 0, 'sheng_admin'],
    ]);
  });

  it('keeps a graduate at the school and shows the transfer rate against the target', async () => {
    const page = await signIn(browser, server.url, 'wuhou_admin');
    await page.goto(`${server.url}/transfers?section=graduates`);
    const batchRow = page.locator('.ant-table-row', { hasText: '届毕业生' }).first();
    await batchRow.waitFor();
    await batchRow.getByRole('button').first().click();
    const drawer = drawerOf(page);
    const rows = drawer.locator('.ant-table-row');
    await rows.first().waitFor();
    // One graduate not yet employed (kept at the school), one going on to study in 郫都区 (a transfer).
    const [kept, studying] = [(await rows.nth(0).locator('td').nth(1).textContent())!, (await rows.nth(1).locator('td').nth(1).textContent())!];
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await rows.nth(1).locator('.ant-checkbox-input').check();
    await drawer.getByRole('button', { name: '分配去向（2人）' }).click();
    const modal = page.locator('.ant-modal', { hasText: '分配毕业去向' });
    await modal.waitFor();
    await settle(page);
    const assignRow = (name: string) => modal.locator('.ant-table-row', { hasText: name });
    await choose(page, assignRow(kept).getByLabel('毕业去向', { exact: true }), option(page, '暂未就业'), assignRow(kept).getByText('保留在学校，无需转接'));
    await choose(page, assignRow(studying).getByLabel('毕业去向', { exact: true }), option(page, '升学（转入新学校）'), assignRow(studying).locator('.ant-select').nth(1));
    const receiving = await db().selectFrom('organization').select('name').where('path', 'like', `${await orgPath('共青团郫都区委')}%`).where('type', '=', 'branch').orderBy('id').executeTakeFirstOrThrow();
    await choose(
      page,
      assignRow(studying).locator('.ant-select').nth(1),
      option(page, receiving.name, '共青团郫都区委'),
      assignRow(studying).locator('.ant-select-content', { hasText: `${receiving.name}（郫都区红牌楼街道团工委）` }),
      receiving.name,
    );
    await shoot(page, 'transfers-09-assign-graduates');
    await modal.getByRole('button', { name: '确定分配' }).click();
    await page.locator('.ant-message', { hasText: '已发起1人的转接，1人保留在学校' }).waitFor();
    await expect.poll(() => drawer.locator('.ant-table-row', { hasText: kept }).count()).toBe(0);
    await drawer.locator('.ant-segmented-item', { hasText: '已落实' }).click();
    await drawer.locator('.ant-table-row', { hasText: kept }).waitFor();
    expect(await drawer.locator('.ant-table-row', { hasText: kept }).textContent()).toContain('保留在学校');
    await drawer.locator('.ant-segmented-item', { hasText: '转接中' }).click();
    await drawer.locator('.ant-table-row', { hasText: studying }).waitFor();
    expect(await drawer.locator('.ant-table-row', { hasText: studying }).textContent()).toContain('待审核');
    await closeDrawer(page);

    type Row = { orgId: number; name: string; graduates: number; settled: number; retained: number; inTransfer: number; rate: number | null };
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const rate = await page.evaluate(async (y) => {
      const response = await fetch(`/api/transfers/graduate-rate?year=${y}`, { credentials: 'same-origin' });
      return (await response.json()) as { org: Row; children: Row[] };
    }, year);
    const school = rate.children.find((row) => row.graduates > 0)!;
    expect(school.retained).toBe(2);
    const table = page.locator('.ant-table-bordered');
    const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
    for (const row of [rate.org, school]) {
      const cells = table.locator(`tr[data-row-key="${row.orgId}"] td`);
      await expect.poll(() => cells.nth(2).textContent()).toBe(String(row.settled));
      expect((await cells.allTextContents()).slice(1, 6)).toEqual([row.graduates, row.settled, row.retained, row.inTransfer, percent(row.rate)].map(String));
    }
    expect(await table.locator(`tr[data-row-key="${school.orgId}"]`).textContent()).toContain('未达标');
    await page.getByRole('figure', { name: `${year}届直属下级转接率` }).waitFor();
    await shoot(page, 'transfers-06-graduate-rate', true);

    await page.getByRole('tab', { name: '及时响应率' }).click();
    await page.getByText(/共青团武侯区委及其下级团组织在48小时内办理转接的比例为/).waitFor();
    await shoot(page, 'transfers-08-response-rate');
    await page.context().close();
  });

  it('lets a member apply for a transfer out of the province on a phone', async () => {
    const page = await signIn(browser, server.url, 'tuanyuan_demo', PHONE);
    await page.waitForURL((url) => url.pathname === '/me');
    const card = page.locator('.ant-card', { hasText: '我的组织关系转接' });
    await card.getByText('当前没有正在办理的组织关系转接').waitFor();
    await card.getByRole('button', { name: '申请转接' }).click();
    const modal = page.locator('.ant-modal', { hasText: '申请组织关系转接' });
    await modal.getByLabel('转接原因').waitFor();
    await settle(page);
    await modal.getByText('转往省外').click();
    await choose(page, modal.getByLabel('转接原因'), option(page, '就业、工作调动'), modal.locator('.ant-select', { hasText: '就业、工作调动' }));
    await modal.getByLabel('省外去向').fill('重庆市渝中区某科技有限公司');
    await modal.getByRole('button', { name: '提交申请' }).click();
    await page.locator('.ant-message', { hasText: '已提交申请，现由' }).waitFor();

    await card.getByText('待审核').waitFor();
    await card.getByText('省外：重庆市渝中区某科技有限公司').waitFor();
    await card.getByRole('button', { name: /^撤\s*回$/ }).waitFor();
    await expect.poll(() => card.locator('.ant-steps:not(.ant-timeline) .ant-steps-item').count()).toBe(2);
    await page.locator('.ant-card', { hasText: '团籍注册与教育评议' }).getByText('评议进行中').waitFor();
    // Nothing spills sideways on a phone.
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    await shoot(page, 'transfers-07-me-phone', true);
    await page.context().close();

    const own = await db()
      .selectFrom('transfer')
      .innerJoin('app_user', 'app_user.member_id', 'transfer.member_id')
      .select(['transfer.scope_kind', 'transfer.initiated_by', 'transfer.stage_index'])
      .where('app_user.username', '=', 'tuanyuan_demo')
      .executeTakeFirstOrThrow();
    expect(own).toEqual({ scope_kind: 'outside', initiated_by: 'member', stage_index: 0 });
  });
});
