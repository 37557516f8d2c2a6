import ExcelJS from '../../../platform/excel/exceljs.ts';
import { neutralizeFormula } from '../../../platform/excel/neutralize-formula.ts';
import type { BranchActivation } from './member-accounts.service.ts';

/** China time for the expiry column: the members read it as a wall-clock time. */
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * 激活码清单 of a branch, for the secretary to hand each member their own line: name, account,
 * code, link and expiry. It holds no password, and every code dies at first use or expiry.
 */
export async function activationSheet(branch: string, items: readonly BranchActivation[], origin: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('激活码');
  sheet.columns = [
    { header: '姓名', width: 12 },
    { header: '账号', width: 14 },
    { header: '激活码', width: 24 },
    { header: '激活链接', width: 80 },
    { header: '有效期至（北京时间）', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const item of items) {
    sheet.addRow([item.memberName, item.username, item.grant.code, `${origin}/activate#${item.grant.token}`, chinaTime(item.grant.expiresAt)].map(neutralizeFormula));
  }
  sheet.addRow([]);
  sheet.addRow([`${branch}：请把每一行单独交给本人，打开链接或在 ${origin}/activate 输入激活码后自行设置密码；每个激活码只能使用一次。清单用后请销毁。`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
