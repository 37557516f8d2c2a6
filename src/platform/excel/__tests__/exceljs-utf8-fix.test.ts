import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../exceljs.ts';
import { excelJsUtf8FixInstalled, setExcelJsUtf8Fix } from '../exceljs-utf8-fix.ts';

/** Every text cell of the first sheet, read the way the import reads files (streaming). */
async function readAllText(buffer: Buffer): Promise<string[]> {
  const texts: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      for (const value of (row.values as unknown[]).slice(1)) if (typeof value === 'string') texts.push(value);
    }
  }
  return texts;
}

describe('exceljs streaming reader and Chinese text', () => {
  it('reads every Chinese character intact, where exceljs as shipped garbles some', async () => {
    expect(excelJsUtf8FixInstalled).toBe(true);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('团员信息');
    const names = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石金贾';
    for (let i = 0; i < 20_000; i++) {
      sheet.addRow([`${names[i % names.length]}${names[(i * 7) % names.length]}${names[(i * 13) % names.length]}`, `成都市武侯区第${i}社区团支部`, '四川省成都市武侯区玉林街道']);
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const fixed = await readAllText(buffer);
    expect(fixed).toHaveLength(60_000);
    expect(fixed.filter((text) => text.includes('\uFFFD'))).toEqual([]);
    setExcelJsUtf8Fix(false);
    try {
      const shipped = await readAllText(buffer);
      // Without the fix some cells break, so this test would notice the fix going missing.
      expect(shipped.filter((text) => text.includes('\uFFFD')).length).toBeGreaterThan(0);
    } finally {
      setExcelJsUtf8Fix(true);
    }
  });
});
