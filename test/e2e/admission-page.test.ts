import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../src/modules/members/resident-id.ts';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { signIn } from './sign-in.ts';
import { grantMinorAccess } from './minor-grant-fixture.ts';

/** The calendar the server keeps: China's, UTC+8. */
const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysBefore = (days: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** 团员发展 from application to 入团仪式, the plan and 团青比, and one year's 团籍注册与教育评议, in a real browser, in Chinese. */
describe('admission and evaluation pages in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let branchId: number;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const post = await server.database.db
      .selectFrom('post')
      .innerJoin('app_user', 'app_user.id', 'post.user_id')
      .select('post.org_id')
      .where('app_user.username', '=', 'zhishu_demo')
      .executeTakeFirstOrThrow();
    branchId = post.org_id;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Screenshots wait for messages to fade and dialogs and drawers to finish sliding in (endless spinners aside). */
  async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
    const moving = 'document.getAnimations().some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity)';
    await expect.poll(() => page.evaluate<boolean>(moving), { timeout: 5000 }).toBe(false);
    // A whole-page picture starts at the top, or the sticky header lands mid-page.
    if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: screenshotPath(name), fullPage });
  }

  /**
   * Types a date into an antd DatePicker found by its label and checks that it took. Tab, not
   * Enter, leaves the box: Enter would also submit the form around it.
   */
  async function pickDate(scope: Locator | Page, label: string, date: string): Promise<void> {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(date);
    await input.press('Tab');
    await expect.poll(() => input.inputValue()).toBe(date);
  }

  /**
   * Chooses an option of an antd Select (by its combobox). The dropdown of the last choice must
   * have closed first, or its fading options would be found instead.
   */
  async function choose(page: Page, combobox: Locator, option: string, { search = false } = {}): Promise<void> {
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await expect.poll(() => open.count()).toBe(0);
    await combobox.click();
    // A long list renders only what is in view: a searchable one is narrowed to the option first.
    if (search) await combobox.fill(option);
    await open.locator(`.ant-select-item-option[title="${option}"]`).click();
    await expect.poll(() => open.count()).toBe(0);
  }

  async function openAdmission(page: Page): Promise<void> {
    await page.getByRole('menuitem', { name: /团员发展/ }).click();
    await page.waitForURL((url) => url.pathname === '/admission');
  }

  /** Finds the applicant by name under a status filter and opens the drawer. */
  async function openApplicant(page: Page, name: string, status = '培养中'): Promise<Locator> {
    await page.locator('.ant-segmented-item', { hasText: status }).click();
    await page.getByPlaceholder('申请人姓名').fill(name);
    await page.getByPlaceholder('申请人姓名').press('Enter');
    await page.locator('.ant-table-row').getByRole('button', { name, exact: true }).click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByText(`入团申请人：${name}`).waitFor();
    return drawer;
  }

  async function expectMessage(page: Page, text: string): Promise<void> {
    await page.locator('.ant-message', { hasText: text }).last().waitFor();
  }

  /** Publishes a notice from the drawer's notice section: five days, both ends counted. */
  async function publishNotice(page: Page, drawer: Locator, notice: string, startOn: string, endOn: string): Promise<void> {
    await drawer.getByRole('button', { name: `发布${notice}` }).click();
    const modal = page.locator('.ant-modal', { hasText: '公示期不少于5天' });
    await pickDate(modal, '公示开始日期', startOn);
    await pickDate(modal, '公示结束日期', endOn);
    await modal.getByText('共5天').waitFor();
    await modal.getByRole('button', { name: '发布公示' }).click();
    await expectMessage(page, `已发布${notice}`);
    await drawer.locator(`[data-notice]`, { hasText: notice }).getByText('已期满').waitFor();
  }

  /** Completes the step whose form shows in the drawer, with its date and whatever `fill` adds. */
  async function completeStep(page: Page, drawer: Locator, step: string, dateLabel: string, date: string, fill?: () => Promise<void>): Promise<void> {
    const form = drawer.locator('form', { has: page.getByRole('button', { name: `完成“${step}”` }) });
    await pickDate(form, dateLabel, date);
    if (fill) await fill();
    await form.getByRole('button', { name: `完成“${step}”` }).click();
    await expectMessage(page, `已完成“${step}”`);
    await drawer.getByRole('button', { name: `完成“${step}”` }).waitFor({ state: 'detached' });
  }

  /** Picks the first `count` branch members offered by a member picker. */
  async function pickMembers(page: Page, form: Locator, label: string, count: number): Promise<void> {
    const select = form.getByLabel(label, { exact: true });
    await select.click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    for (let i = 0; i < count; i++) await options.nth(i).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => form.locator('.ant-select-selection-item').count()).toBe(count);
  }

  it('takes an application through the ten steps to a member with a 团员编号, refusing a training cut short', async () => {
    const name = '周若溪';
    const idNumber = makeResidentId('510107', '2008-04-15', 100 + Math.floor(Math.random() * 800), 'female');
    const today = todayInChina();
    const year = today.slice(0, 4);

    // Step 1, by the branch secretary.
    const branchPage = await signIn(browser, server.url, 'zhishu_demo');
    await openAdmission(branchPage);
    await branchPage.locator('.ant-table-row').first().waitFor();
    await shoot(branchPage, 'admission-01-applicants');
    await branchPage.getByRole('button', { name: '登记入团申请' }).click();
    const newModal = branchPage.locator('.ant-modal', { hasText: '登记入团申请（第一步' });
    await newModal.getByLabel('姓名', { exact: true }).fill(name);
    await newModal.getByLabel('证件号码').fill(idNumber);
    // The birth date read from the ID shows before anything is sent.
    await newModal.locator('input[value^="2008-04-15"]').waitFor();
    await choose(branchPage, newModal.getByLabel('民族'), '汉族', { search: true });
    await choose(branchPage, newModal.getByLabel('职业'), '学生', { search: true });
    await pickDate(newModal, '递交入团申请书日期', daysBefore(200));
    await choose(branchPage, newModal.getByLabel('推荐途径'), '个人申请');
    await newModal.getByLabel('积分').fill('75');
    await shoot(branchPage, 'admission-02-new-application');
    await newModal.getByRole('button', { name: /登\s*记/ }).click();
    await expectMessage(branchPage, `已登记${name}的入团申请`);

    // The drawer opens on the new applicant: the activist notice first, then steps 2 to 6.
    const drawer = branchPage.locator('.ant-drawer-section');
    await drawer.getByText(`入团申请人：${name}`).waitFor();
    await drawer.getByText('请先发布公示').waitFor();
    await publishNotice(branchPage, drawer, '入团积极分子人选公示', daysBefore(198), daysBefore(194));
    await completeStep(branchPage, drawer, '确定为入团积极分子', '确定日期', daysBefore(190));

    // Six hours of training: the server refuses with the rule, on the field.
    const trainingForm = drawer.locator('form', { has: branchPage.getByRole('button', { name: '完成“党团知识培训”' }) });
    await pickDate(trainingForm, '培训完成日期', daysBefore(180));
    await trainingForm.getByLabel('培训学时').fill('6');
    await trainingForm.getByRole('button', { name: '完成“党团知识培训”' }).click();
    await trainingForm.locator('.ant-form-item-explain-error', { hasText: '党团知识培训不少于8学时（现为6学时）' }).waitFor();
    await shoot(branchPage, 'admission-03-step-field-error');
    await completeStep(branchPage, drawer, '党团知识培训', '培训完成日期', daysBefore(180), async () => {
      await trainingForm.getByLabel('培训学时').fill('8');
    });

    await completeStep(branchPage, drawer, '确定培养联系人', '确定日期', daysBefore(175), async () => {
      await pickMembers(branchPage, drawer.locator('form'), '培养联系人', 2);
    });
    await completeStep(branchPage, drawer, '培养考察', '考察结束日期', daysBefore(80), async () => {
      await drawer.getByLabel('书面考察材料').fill('积极参加社区志愿服务和团课学习，表现突出，群众评价良好。');
    });
    await publishNotice(branchPage, drawer, '发展对象人选公示', daysBefore(78), daysBefore(74));
    await completeStep(branchPage, drawer, '确定为发展对象', '确定日期', daysBefore(70));
    // Pre-review belongs to the committee above: the branch sees whose it is, not a form.
    await drawer.getByText('“上级团委预审，填写《入团志愿书》”由团支部的上级团委办理').waitFor();
    expect(await drawer.locator('.ant-steps-item-finish').count()).toBe(6);
    await drawer.getByText('培训8学时').waitFor();
    await drawer.getByRole('region', { name: '发展全过程纪实' }).evaluate((section) => section.scrollIntoView());
    await shoot(branchPage, 'admission-04-drawer-midway');

    // Step 7 by 武侯区团委.
    const countyPage = await signIn(browser, server.url, 'wuhou_admin');
    await openAdmission(countyPage);
    let countyDrawer = await openApplicant(countyPage, name);
    await completeStep(countyPage, countyDrawer, '上级团委预审，填写《入团志愿书》', '预审日期', daysBefore(60), async () => {
      await pickMembers(countyPage, countyDrawer.locator('form'), '入团介绍人', 2);
    });

    // Step 8 by the branch: everyone present and in favour.
    const members = await server.database.db.selectFrom('member').select('id').where('org_id', '=', branchId).where('status', '=', 'normal').execute();
    await drawer.locator('.ant-drawer-close').click();
    const branchDrawer = await openApplicant(branchPage, name);
    await branchDrawer.getByText(`本支部团籍正常的团员${members.length}名`).waitFor();
    await completeStep(branchPage, branchDrawer, '团支部大会表决', '支部大会日期', daysBefore(50), async () => {
      await branchDrawer.getByLabel('到会人数').fill(String(members.length));
      await branchDrawer.getByLabel('赞成票').fill(String(members.length));
      await branchDrawer.getByText('到会人数和赞成票均符合要求').waitFor();
    });
    await publishNotice(branchPage, branchDrawer, '新接收团员人选公示', daysBefore(45), daysBefore(41));

    // Step 9 by 武侯区团委: approval today, counting against this year's quota.
    await countyDrawer.locator('.ant-drawer-close').click();
    countyDrawer = await openApplicant(countyPage, name);
    const approval = countyDrawer.locator('form', { has: countyPage.getByRole('button', { name: '批准入团' }) });
    await countyDrawer.getByText('“新接收团员人选公示”已于').waitFor();
    await pickDate(approval, '审批日期', today);
    await countyDrawer.getByRole('region', { name: /办理第9步/ }).evaluate((section) => section.scrollIntoView());
    await shoot(countyPage, 'admission-05-approval');
    await approval.getByRole('button', { name: '批准入团' }).click();
    // A community branch has no 团青比 cap; were it a school over its cap, the confirmation would show first.
    const warning = countyPage.locator('.ant-modal-confirm', { hasText: '团青比将超过上限' });
    const done = countyPage.locator('.ant-message', { hasText: '已完成“上级团委审批”' });
    await expect.poll(async () => (await warning.isVisible()) || (await done.isVisible()), { timeout: 30_000 }).toBe(true);
    if (await warning.isVisible()) await warning.getByRole('button', { name: '确认批准' }).click();
    await countyDrawer.getByText(/已批准入团，团员编号 \d{12}/).waitFor();
    const applicant = await server.database.db.selectFrom('applicant').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
    expect(applicant.status).toBe('admitted');
    expect(applicant.development_number).toMatch(new RegExp(`^${year}\\d{8}$`));
    await countyPage.context().close();

    // Step 10 by the branch, under 已入团.
    await branchDrawer.locator('.ant-drawer-close').click();
    const lastDrawer = await openApplicant(branchPage, name, '已入团');
    await completeStep(branchPage, lastDrawer, '入团仪式', '入团仪式日期', today);
    expect(await lastDrawer.locator('.ant-steps-item-finish').count()).toBe(10);
    await lastDrawer.getByText(`已批准入团，团员编号 ${applicant.development_number}`).evaluate((alert) => alert.scrollIntoView());
    await shoot(branchPage, 'admission-06-admitted');

    // The new member is in the branch's member list with the number the approval took.
    await lastDrawer.locator('.ant-drawer-close').click();
    await branchPage.getByRole('menuitem', { name: /团员管理/ }).click();
    await branchPage.getByPlaceholder('姓名、拼音首字母、身份证号、手机号或团员编号').fill(name);
    await branchPage.getByPlaceholder('姓名、拼音首字母、身份证号、手机号或团员编号').press('Enter');
    const row = branchPage.locator('.ant-table-row', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain(applicant.development_number!);
    await shoot(branchPage, 'admission-07-member-list');

    const actions = await server.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'admission.%').where('target_label', '=', name).execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['admission.apply', 'admission.notice', 'admission.step', 'admission.approve']));
    await branchPage.context().close();
  }, 300_000);

  it('lets a county committee issue a quota and numbers to a child, refusing more than it holds, and enter a youth count', async () => {
    const page = await signIn(browser, server.url, 'wuhou_admin');
    await openAdmission(page);
    await page.getByRole('tab', { name: '发展计划' }).click();
    const table = page.locator('.ant-table-bordered');
    await table.locator('.ant-table-row').first().waitFor();
    const street = await server.database.db.selectFrom('organization').select(['id', 'name']).where('name', '=', '武侯区红牌楼街道团工委').executeTakeFirstOrThrow();
    const own = table.locator('.tw-stat-total');
    expect(await own.textContent()).toContain('共青团武侯区委');
    expect(await own.textContent()).toContain('300');
    // The county's own plan is set from above: the server marks only its children's rows as its to plan.
    await table.getByRole('button', { name: '下达计划' }).first().waitFor();
    expect(await own.getByRole('button').count()).toBe(0);

    // More than the county holds is refused on the field; within it, the quota is set.
    const streetRow = table.locator(`tr[data-row-key="${street.id}"]`);
    await streetRow.getByRole('button', { name: '下达计划' }).click();
    const quotaModal = page.locator('.ant-modal', { hasText: '年度发展计划' });
    await quotaModal.getByLabel(/年度计划发展人数/).fill('400');
    await quotaModal.getByRole('button', { name: /下\s*达/ }).click();
    await quotaModal.locator('.ant-form-item-explain-error', { hasText: '上级计划共300名' }).waitFor();
    await quotaModal.getByLabel(/年度计划发展人数/).fill('60');
    await quotaModal.getByRole('button', { name: /下\s*达/ }).click();
    await expectMessage(page, `已下达${street.name}`);
    await expect.poll(() => streetRow.locator('td').nth(1).textContent()).toBe('60');

    await streetRow.getByRole('button', { name: '下达号段' }).click();
    const rangeModal = page.locator('.ant-modal', { hasText: '团员编号号段' });
    await rangeModal.getByLabel('号段数量').fill('100');
    await rangeModal.getByRole('button', { name: /下\s*达/ }).click();
    await expectMessage(page, `已下达${street.name}号段`);
    await expect.poll(() => streetRow.locator('td').nth(5).textContent()).toBe('100');
    await shoot(page, 'admission-08-plan', true);

    // 团青比: the school's senior-high youth count, and its share drawn against the cap.
    await page.getByRole('tab', { name: '团青比' }).click();
    const school = await server.database.db.selectFrom('organization').select(['id', 'name']).where('name', '=', '武侯区第七中学团委').executeTakeFirstOrThrow();
    await page.getByText('尚未录入青年数，无法计算团青比').waitFor();
    await page.getByRole('button', { name: `录入${school.name}普通高中青年数` }).click();
    const youthModal = page.locator('.ant-modal', { hasText: '录入青年数' });
    await youthModal.getByLabel('青年人数').fill('400');
    await youthModal.getByRole('button', { name: /保\s*存/ }).click();
    await expectMessage(page, `已录入${school.name}普通高中青年400人`);
    const ratios = await page.evaluate(async (orgId) => {
      const response = await fetch(`/api/admission/ratios?orgId=${orgId}`, { credentials: 'same-origin' });
      return (await response.json()) as { org: { stages: { stage: string; members: number; percent: number | null }[] } };
    }, school.id);
    const senior = ratios.org.stages.find((s) => s.stage === 'senior_high')!;
    expect(senior.percent).not.toBeNull();
    await expect
      .poll(() => page.locator(`tr[data-row-key="${school.id}"]`).textContent())
      .toContain(`${senior.percent!.toFixed(1)}%`);
    await page.getByRole('figure', { name: '共青团武侯区委各学段团青比与上限' }).waitFor();
    await shoot(page, 'admission-09-ratio', true);
    await page.context().close();
  }, 120_000);

  it('runs a branch’s registration and review, refusing too many 优秀, and the county approves it', async () => {
    const year = Number(todayInChina().slice(0, 4));
    const cycle = await server.database.db.selectFrom('evaluation_cycle').selectAll().where('org_id', '=', branchId).where('year', '=', year).executeTakeFirstOrThrow();
    const entries = await server.database.db
      .selectFrom('evaluation_entry')
      .innerJoin('member', 'member.id', 'evaluation_entry.member_id')
      .select(['member.name', 'evaluation_entry.exempt'])
      .where('evaluation_entry.cycle_id', '=', cycle.id)
      .orderBy('member.name_initials')
      .orderBy('member.id')
      .execute();
    const evaluated = entries.filter((e) => e.exempt === 0).map((e) => e.name);
    const cap = Math.floor((evaluated.length * 30) / 100);
    const quorum = Math.floor((cycle.branch_members * 66.67) / 100) + 1;

    const page = await signIn(browser, server.url, 'zhishu_demo');
    await page.getByRole('menuitem', { name: /注册与评议/ }).click();
    await page.getByText(`${year}年度团籍注册与教育评议`).first().waitFor();
    if (entries.some((e) => e.exempt === 1)) await page.getByText('免评（予以注册，不参加评议）').first().waitFor();

    // The meeting, with the two-thirds rule in numbers.
    await page.getByText(`支部团员${cycle.branch_members}名，到会人数须超过三分之二，即至少${quorum}人`).waitFor();
    await pickDate(page, '大会日期', daysBefore(3));
    await page.getByLabel('到会人数').fill(String(quorum - 1));
    await page.getByText(`不足三分之二，至少${quorum}人`).waitFor();
    await page.getByLabel('到会人数').fill(String(quorum));
    await page.getByRole('button', { name: '登记大会' }).click();
    await expectMessage(page, '已登记评议大会');

    // One 优秀 more than the cap: the count turns red as it is picked, and the server refuses the submission.
    for (const name of evaluated.slice(0, cap + 1)) await choose(page, page.getByRole('combobox', { name: `${name}的评议等次` }), '优秀');
    const limit = page.getByTestId('excellent-limit');
    await expect.poll(() => limit.textContent()).toContain(`优秀${cap + 1}名，超过参评团员${evaluated.length}名的30%`);
    await page.getByRole('button', { name: '其余全部予以注册' }).click();
    await page.getByRole('button', { name: '其余全部评为合格' }).click();
    await page.getByRole('button', { name: '提交上级审批' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交上级审批' }).click();
    await page.getByRole('alert').filter({ hasText: `优秀${cap + 1}名，超过参评团员（${evaluated.length}名）的30%` }).waitFor();
    await shoot(page, 'evaluation-01-too-many-excellent', true);

    // Within the cap, with one member deferred and one graded 不合格 with months of correction.
    await choose(page, page.getByRole('combobox', { name: `${evaluated[0]}的评议等次` }), '合格');
    await choose(page, page.getByRole('combobox', { name: `${evaluated.at(-1)}的评议等次` }), '不合格');
    await page.getByLabel(`${evaluated.at(-1)}限期改正月数`).fill('4');
    await choose(page, page.getByRole('combobox', { name: `${evaluated.at(-2)}的注册意见` }), '暂缓注册');
    await expect.poll(() => limit.textContent()).toContain(`优秀${cap}名，最多${cap}名`);
    await shoot(page, 'evaluation-02-grades', true);
    await page.getByRole('button', { name: '提交上级审批' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交上级审批' }).click();
    await expectMessage(page, '已提交上级团委审批');
    await page.locator('.ant-tag', { hasText: '待上级审批' }).waitFor();
    await page.context().close();

    // 武侯区团委 sees it waiting and approves.
    const county = await signIn(browser, server.url, 'wuhou_admin');
    await county.getByRole('menuitem', { name: /注册与评议/ }).click();
    const branch = await server.database.db.selectFrom('organization').select('name').where('id', '=', branchId).executeTakeFirstOrThrow();
    await county.locator('.ant-table-row', { hasText: branch.name }).getByRole('button', { name: '审批' }).click();
    const drawer = county.locator('.ant-drawer-section');
    await drawer.getByText('限期改正至').waitFor();
    await drawer.getByText('暂缓至').waitFor();
    await shoot(county, 'evaluation-03-approval');
    await drawer.getByRole('button', { name: /批\s*准/ }).click();
    await county.locator('.ant-popconfirm').getByRole('button', { name: /批\s*准/ }).click();
    await expectMessage(county, '的团籍注册与评议结果');
    await drawer.locator('.ant-tag', { hasText: '已审批' }).waitFor();
    const decided = await server.database.db.selectFrom('evaluation_cycle').select(['status', 'decided_by']).where('id', '=', cycle.id).executeTakeFirstOrThrow();
    expect(decided).toEqual({ status: 'approved', decided_by: 'wuhou_admin' });
    // The success message sits over the drawer's close button while it shows: it goes first.
    await expect.poll(() => county.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });

    // The progress counts the approved cycle; the deferred member is among the branch's members not registered.
    await county.getByRole('tab', { name: '进度' }).click();
    await county.getByRole('figure', { name: '共青团武侯区委直属下级各团支部评议进度' }).waitFor();
    await expect.poll(() => county.locator('.tw-stat-total').textContent()).toContain('共青团武侯区委');
    await shoot(county, 'evaluation-04-progress', true);
    await county.goto(`${server.url}/evaluations?org=${branchId}`);
    await county.getByRole('tab', { name: '未注册团员' }).click();
    const deferredRow = county.locator('.ant-table-row', { hasText: evaluated.at(-2)! });
    await deferredRow.waitFor();
    // Each member with the reason the server gives; the deferred one with the date the deferral ends.
    const deferUntil = await server.database.db
      .selectFrom('evaluation_entry')
      .innerJoin('member', 'member.id', 'evaluation_entry.member_id')
      .select('evaluation_entry.defer_until')
      .where('evaluation_entry.cycle_id', '=', cycle.id)
      .where('member.name', '=', evaluated.at(-2)!)
      .executeTakeFirstOrThrow();
    expect(await deferredRow.textContent()).toContain(`暂缓注册至${deferUntil.defer_until!.slice(0, 10)}`);
    await shoot(county, 'evaluation-05-unregistered');
    const actions = await server.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'evaluation.%').execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['evaluation.open', 'evaluation.meeting', 'evaluation.entries', 'evaluation.submit', 'evaluation.approve']));
    await county.context().close();
  }, 180_000);

  it('shows the 团青比 figures the server sends when an approval would pass a school’s cap, and approves nothing on cancel', async () => {
    const db = server.database.db;
    // The demo's applicant awaiting approval is in a community branch: it counts as a senior high school here, with few young people.
    const applicant = await db.selectFrom('applicant').select(['id', 'name', 'org_id']).where('status', '=', 'in_progress').where('step', '=', 8).orderBy('id').executeTakeFirstOrThrow();
    const branch = await db.selectFrom('organization').select(['id', 'name', 'path', 'industry_category']).where('id', '=', applicant.org_id).executeTakeFirstOrThrow();
    await db.updateTable('organization').set({ industry_category: 'senior_high' }).where('id', '=', branch.id).execute();
    await db.insertInto('youth_count').values({ org_id: branch.id, org_path: branch.path, stage: 'senior_high', youth: 10, updated_by: 'test', updated_at: new Date().toISOString() }).execute();
    try {
      const members = await db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('org_path', 'like', `${branch.path}%`).where('is_active', '=', 1).executeTakeFirstOrThrow();
      const count = Number(members.n) + 1;
      const page = await signIn(browser, server.url, 'wuhou_admin');
      await openAdmission(page);
      // The demo's applicants are under its label age of 18: without an approval the drawer offers the request instead.
      await page.locator('.ant-segmented-item', { hasText: '培养中' }).click();
      await page.getByPlaceholder('申请人姓名').fill(applicant.name);
      await page.getByPlaceholder('申请人姓名').press('Enter');
      await page.locator('.ant-table-row').getByRole('button', { name: applicant.name, exact: true }).click();
      const gate = page.locator('.ant-drawer-section');
      await gate.getByText('该记录含未成年人敏感信息').waitFor();
      await gate.getByRole('button', { name: '申请查看' }).waitFor();
      expect(await gate.getByText('批准入团').count()).toBe(0);
      await shoot(page, 'admission-minor-gate');
      await gate.locator('.ant-drawer-close').click();
      await gate.waitFor({ state: 'detached' });
      await grantMinorAccess(db, 'wuhou_admin', { type: 'applicant', id: applicant.id });
      const drawer = await openApplicant(page, applicant.name);
      await drawer.getByText(/经审批查看：授权有效期至/).waitFor();
      const approval = drawer.locator('form', { has: page.getByRole('button', { name: '批准入团' }) });
      await pickDate(approval, '审批日期', todayInChina());
      await approval.getByRole('button', { name: '批准入团' }).click();
      const warning = page.locator('.ant-modal-confirm', { hasText: '团青比将超过上限' });
      await warning.waitFor();
      expect(await warning.textContent()).toContain(
        `批准后，${branch.name}普通高中学段的团青比将为${((count * 100) / 10).toFixed(1)}%（含本次批准，团员${count}名、青年10名），超过上限`,
      );
      await shoot(page, 'admission-10-ratio-warning');
      await warning.getByRole('button', { name: /取\s*消/ }).click();
      await warning.waitFor({ state: 'detached' });
      expect((await db.selectFrom('applicant').select('status').where('id', '=', applicant.id).executeTakeFirstOrThrow()).status).toBe('in_progress');
      await page.context().close();
    } finally {
      await db.deleteFrom('youth_count').where('org_id', '=', branch.id).where('stage', '=', 'senior_high').execute();
      await db.updateTable('organization').set({ industry_category: branch.industry_category }).where('id', '=', branch.id).execute();
    }
  }, 120_000);
});
