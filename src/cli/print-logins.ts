import type { DemoLogin } from '../seed/demo-province.ts';

export function printLogins(logins: DemoLogin[], fromEnv: boolean): void {
  console.log('\n演示账号 / demo accounts' + (fromEnv ? '（密码来自 TUANWU_DEMO_PASSWORD）' : '（随机密码，仅显示这一次 / random, shown only once）') + ':');
  for (const login of logins) console.log(`  ${login.username.padEnd(14)} ${login.password.padEnd(22)} ${login.description}`);
  console.log('');
}
