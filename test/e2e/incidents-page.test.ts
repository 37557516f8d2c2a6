import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { signIn } from './sign-in.ts';

/** 安全事件 in a real browser, in Chinese: from a 安全告警 to a closed incident (DOMAIN §12 LAW-08). */
describe('incident register in the browser', () => {
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

  const fill = async (page: Page, label: string, text: string) => page.locator('.ant-modal').getByLabel(label, { exact: true }).fill(text);

  it('registers an alert as an incident, refuses to close it until Art. 57 and the notices are in, then closes it', async () => {
    const db = server.database.db;
    const wuhou = await db.selectFrom('organization').select('path').where('name', '=', '共青团武侯区委').executeTakeFirstOrThrow();
    await db.insertInto('security_alert').values({
      kind: 'export_rate', user_id: null, username: 'wuhou_admin', post_id: null, post_label: '共青团武侯区委 · 团委管理员', org_path: wuhou.path,
      count: 11, limit_value: 10, detail: null, at: new Date(Date.now() - 20 * 60_000).toISOString(), acknowledged_at: null, acknowledged_by: null,
    }).execute();

    const page = await signIn(browser, server.url, 'anquan_admin');
    await page.goto(`${server.url}/security-alerts`);
    await page.getByRole('button', { name: '登记为安全事件' }).first().waitFor();
    await page.screenshot({ path: screenshotPath('security-alerts-register-button') });
    await page.getByRole('button', { name: '登记为安全事件' }).first().click();
    await page.waitForURL(/\/incidents\?id=\d+/);
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByText('安全告警：导出过于频繁（账号 wuhou_admin）').first().waitFor();
    await drawer.getByText('请选择涉及的个人信息种类（第五十七条第一款第一项）').first().waitFor();
    await page.screenshot({ path: screenshotPath('incident-from-alert') });

    // Closing now is refused, naming what is missing.
    await drawer.getByRole('button', { name: /^结\s*案$/ }).click();
    await page.locator('.ant-modal').getByRole('button', { name: /^结\s*案$/ }).click();
    await page.locator('.ant-modal').getByText('尚不能结案：').first().waitFor();
    await page.locator('.ant-modal').getByText('请先登记向网信部门报告的时间和方式').first().waitFor();
    await page.screenshot({ path: screenshotPath('incident-close-refused') });
    await page.locator('.ant-modal').getByRole('button', { name: /^取\s*消$/ }).click();

    // Fill in the facts of PIPL Art. 57.
    await drawer.getByRole('button', { name: '补充事件情况' }).click();
    const dialog = page.locator('.ant-modal');
    for (const kind of ['姓名', '身份证件号码', '手机号码']) {
      await dialog.getByLabel('涉及的个人信息种类').fill(kind);
      await page.locator('.ant-select-item-option-active', { hasText: kind }).waitFor();
      await page.keyboard.press('Enter');
    }
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByText('涉及未成年人信息').click();
    await dialog.getByText('这是一次演练').click();
    await fill(page, '发生原因', '武侯区团委管理员账号口令泄露，被他人批量导出团员名册');
    await fill(page, '可能造成的危害', '姓名、证件号码和手机号码可能被用于诈骗');
    await fill(page, '已采取的补救措施', '已停用账号、结束会话并重置口令');
    await fill(page, '个人可以采取的减轻危害的措施', '警惕自称团组织索要验证码或转账的电话和短信');
    await fill(page, '处理者的联系方式', '团省委办公室 028-00000000');
    await page.screenshot({ path: screenshotPath('incident-facts-form') });
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await drawer.getByText('武侯区团委管理员账号口令泄露，被他人批量导出团员名册').first().waitFor();
    await drawer.getByText(/须立即启动个人信息安全事件应急预案/).first().waitFor();

    // The report to the authority, then the notice to the people (minors: no waiver offered).
    for (const [audience, note] of [['向网信部门报告', '书面报告送达省委网信办（演练）'], ['通知受影响的个人', '短信告知团员及未成年人的监护人（演练）']] as const) {
      await drawer.getByRole('button', { name: '登记报告或通知' }).click();
      await page.locator('.ant-modal').getByRole('radio', { name: audience }).check();
      if (audience === '通知受影响的个人') await page.locator('.ant-modal').getByText(/不能免于通知/).first().waitFor();
      await page.locator('.ant-modal').getByLabel(/以何种方式、向谁报告或通知/).fill(note);
      await page.locator('.ant-modal').getByRole('button', { name: /^保\s*存$/ }).click();
      await drawer.getByText(new RegExp(note.replace(/[()（）]/g, '.'))).first().waitFor();
    }
    await drawer.getByText('第五十七条所列事项和报告、通知均已登记，可以结案。').first().waitFor();
    await page.screenshot({ path: screenshotPath('incident-ready-to-close') });
    await drawer.getByRole('button', { name: /^结\s*案$/ }).click();
    await page.locator('.ant-modal').getByRole('button', { name: /^结\s*案$/ }).click();
    await drawer.getByText(/anquan_admin 于 .* 结案/).first().waitFor();
    await expect.poll(() => drawer.getByRole('button', { name: '补充事件情况' }).count(), { timeout: 10_000 }).toBe(0);
    await drawer.getByText('处置经过').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('incident-closed-timeline') });

    // The list: filtered to closed ones, and searched.
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-segmented-item', { hasText: '已结案' }).click();
    await page.getByRole('button', { name: '安全告警：导出过于频繁（账号 wuhou_admin）' }).first().waitFor();
    await page.getByPlaceholder('事件名称、原因或组织').fill('不存在的事件');
    await page.getByPlaceholder('事件名称、原因或组织').press('Enter');
    await page.getByText('暂无安全事件').first().waitFor();
    await page.getByPlaceholder('事件名称、原因或组织').fill('口令泄露');
    await page.getByPlaceholder('事件名称、原因或组织').press('Enter');
    await page.getByRole('button', { name: '安全告警：导出过于频繁（账号 wuhou_admin）' }).first().waitFor();
    await page.screenshot({ path: screenshotPath('incidents-list') });

    // The auditor reads the register; it offers no steps.
    const auditor = await signIn(browser, server.url, 'shenji_admin');
    await auditor.goto(`${server.url}/incidents`);
    await auditor.getByRole('button', { name: '安全告警：导出过于频繁（账号 wuhou_admin）' }).click();
    await auditor.locator('.ant-drawer-section').getByText('处置经过').first().waitFor();
    expect(await auditor.getByRole('button', { name: '登记安全事件' }).count()).toBe(0);
    expect(await auditor.locator('.ant-drawer-section').getByRole('button', { name: '添加处置记录' }).count()).toBe(0);
  });
});
