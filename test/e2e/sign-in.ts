import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../helpers/test-app.ts';

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * A fresh browser context signed in as a demo account, in Chinese; a viewport narrower than 600
 * pixels is a touch phone. Resolves once the login page has been left.
 */
export async function signIn(browser: Browser, serverUrl: string, username: string, viewport = DESKTOP): Promise<Page> {
  const phone = viewport.width < 600;
  const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  await page.goto(`${serverUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel(/^密码$/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}
