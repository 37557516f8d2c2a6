import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rule } from '../../src/platform/rules/rules.ts';
import { DEMO_PASSWORD } from '../helpers/test-app.ts';
import { launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { DESKTOP, PHONE } from './sign-in.ts';

/** The code an authenticator app shows for a seed at a moment. */
const codeAt = (secret: string, at: Date) =>
  new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

/** Signing in as the security controls require, in a real browser against a server with the second factor on. */
describe('sign-in with a second factor and an expired password in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ TUANWU_SECOND_FACTOR: 'required' });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function passwordStep(username: string, password: string, viewport = DESKTOP): Promise<Page> {
    const phone = viewport.width < 600;
    const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel(/^密码$/).fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    return page;
  }

  it('sets the authenticator up at an administrator\'s first sign-in, then asks for a fresh code the next time', async () => {
    const page = await passwordStep('sheng_admin', DEMO_PASSWORD);
    await page.getByText('绑定身份验证器').waitFor();
    await page.locator('.tw-second-factor-seed canvas').waitFor();
    const secret = (await page.getByTestId('second-factor-key').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.screenshot({ path: screenshotPath('sign-in-01-enrol-authenticator'), fullPage: true });

    await page.getByLabel('6位动态验证码').fill('000000' === codeAt(secret, new Date()) ? '111111' : '000000');
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByRole('alert').filter({ hasText: '动态验证码不正确或已使用' }).waitFor();

    await page.getByLabel('6位动态验证码').fill(codeAt(secret, new Date()));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.getByRole('menuitem', { name: /团员/ }).first().waitFor();
    await page.context().close();

    // the next sign-in asks for the code only; the code just used is refused as a replay
    const again = await passwordStep('sheng_admin', DEMO_PASSWORD, PHONE);
    await again.getByText('输入动态验证码').waitFor();
    await again.screenshot({ path: screenshotPath('sign-in-02-second-factor-phone'), fullPage: true });
    const { totp_last_step: spent } = await server.database.db.selectFrom('app_user').select('totp_last_step').where('username', '=', 'sheng_admin').executeTakeFirstOrThrow();
    await again.getByLabel('6位动态验证码').fill(codeAt(secret, new Date(spent! * 30_000)));
    await again.getByRole('button', { name: '验证并登录' }).click();
    await again.getByRole('alert').filter({ hasText: '动态验证码不正确或已使用' }).waitFor();
    await again.getByLabel('6位动态验证码').fill(codeAt(secret, new Date((spent! + 1) * 30_000)));
    await again.getByRole('button', { name: '验证并登录' }).click();
    await again.waitForURL((url) => url.pathname !== '/login');
    await again.context().close();
  });

  it('makes a branch secretary with an expired password set a new one before anything else', async () => {
    const old = new Date(Date.now() - (rule('auth.passwordMaxAgeDays') + 5) * 86_400_000).toISOString();
    await server.database.db.updateTable('app_user').set({ password_changed_at: old }).where('username', '=', 'zhishu_demo').execute();
    const page = await passwordStep('zhishu_demo', DEMO_PASSWORD);
    await page.getByText('您的密码已超过有效期').waitFor();
    expect(new URL(page.url()).pathname).toBe('/password');
    await page.screenshot({ path: screenshotPath('sign-in-03-password-expired'), fullPage: true });

    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByLabel(/^新密码$/).fill('Renewed#2026pass');
    await page.getByLabel('确认新密码').fill('Renewed#2026pass');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL((url) => url.pathname !== '/password');
    const user = await server.database.db.selectFrom('app_user').select(['must_change_password', 'password_changed_at']).where('username', '=', 'zhishu_demo').executeTakeFirstOrThrow();
    expect(user.must_change_password).toBe(0);
    expect(user.password_changed_at > old).toBe(true);
  });
});
