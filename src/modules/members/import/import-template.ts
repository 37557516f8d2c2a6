import ExcelJS from '../../../platform/excel/exceljs.ts';
import { rule } from '../../../platform/rules/rules.ts';
import { DATA_SHEET_NAME, ERROR_COLUMN_HEADER, IMPORT_COLUMNS } from './import-columns.ts';
import { addDropdown, OPTIONS_SHEET, writeOptionLists } from './import-dropdowns.ts';

const REQUIRED_FONT = { bold: true, color: { argb: 'FFC00000' } };

/**
 * 团员导入模板: the data sheet with one header row, dropdowns for every coded column and text
 * format where Excel would otherwise mangle numbers and dates; a sheet of instructions; and a
 * hidden sheet holding the dropdown lists. No example row: it would be imported by mistake.
 */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuanwu 团务';
  const data = workbook.addWorksheet(DATA_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const help = workbook.addWorksheet('填写说明');
  const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });

  data.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width, ...(c.asText ? { style: { numFmt: '@' } } : {}) }));
  const ranges = writeOptionLists(options);
  const lastRow = rule('import.maxRows') + 1;
  IMPORT_COLUMNS.forEach((column, index) => {
    const header = data.getRow(1).getCell(index + 1);
    header.font = column.required === true ? REQUIRED_FONT : { bold: true };
    if (column.items) addDropdown(data, column, index + 1, ranges.get(column.items)!, lastRow);
  });

  writeInstructions(help);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeInstructions(sheet: ExcelJS.Worksheet): void {
  sheet.columns = [{ width: 18 }, { width: 16 }, { width: 80 }, { width: 26 }];
  const notes = [
    '团员信息导入说明',
    `1. 在“${DATA_SHEET_NAME}”表中每行填写一名团员，从第2行开始；请勿修改第1行的列名（列的先后顺序可以调整）。红色列名为必填项。`,
    `2. 每个文件最多 ${rule('import.maxRows')} 行、不超过 ${Math.round(rule('import.maxUploadBytes') / 1024 / 1024)} MB；超过时请拆分为多个文件分别上传。`,
    '3. 上传后系统逐行检查全部内容：全部正确才会导入，且一次性全部导入；只要有一行有误，就一行也不导入。',
    `4. 有误时请下载“错误清单”：它就是您上传的文件，只在最前面加了一列“${ERROR_COLUMN_HEADER}”，写明每行的所有问题（无误的行此列为空）。按此列筛选、逐行改正后，直接上传这个文件即可，无需删除“${ERROR_COLUMN_HEADER}”列。`,
    '5. 证件号码、手机号码、团员编号和日期列已设为文本格式，以保留开头的0和完整的18位号码；从其他表格粘贴时请用“选择性粘贴—数值”，以免改掉格式。',
    '6. 带下拉箭头的列请从下拉列表中选择；所在团支部编号和名称可在“组织管理”中选中该团支部后查到。',
  ];
  notes.forEach((text, i) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) row.getCell(1).font = { bold: true, size: 14 };
    else row.height = 32;
  });
  sheet.addRow([]);
  sheet.addRow(['列名', '是否必填', '填写要求', '示例']).font = { bold: true };
  for (const column of IMPORT_COLUMNS) {
    const required = column.required === true ? '必填' : column.required === 'foreign' ? '境外身份证必填' : '选填';
    const row = sheet.addRow([column.header, required, column.help, column.example]);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(4).numFmt = '@';
  }
}
