import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../parse-plan-document.ts';
import { PlanDocumentUnreadable } from '../plan-document-unreadable.ts';
import { readPlanDocument } from '../read-plan-document.ts';

async function docxOf(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
  return Packer.toBuffer(doc);
}

async function unreadable(bytes: Buffer, fileName: string): Promise<PlanDocumentUnreadable> {
  const error = await readPlanDocument(bytes, fileName).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(PlanDocumentUnreadable);
  return error as PlanDocumentUnreadable;
}

describe('parsePlanDocument', () => {
  it('reads a Word .docx into the plan structure', async () => {
    const bytes = await docxOf([
      '共青团示例市委2024年工作要点',
      '总体思路：坚持党建带团建，聚焦主责主业，推动工作提质增效。',
      '一、强化思想引领',
      '——深化“青春宣讲”行动。组建宣讲分队12支，开展宣讲不少于200场。',
      '——加强网络阵地建设。',
      '二、服务青年成长',
      '[bookmark: _GoBack]——实施“青创伙伴”计划。扶持青年创业项目30个以上。',
      '——做好青少年维权工作。',
    ]);
    // The extension does not decide: a .docx saved under another name is still read as Word.
    const plan = await parsePlanDocument(bytes, 'plan.bin');
    expect(plan.title).toBe('共青团示例市委2024年工作要点');
    expect(plan.generalIdea).toBe('总体思路：坚持党建带团建，聚焦主责主业，推动工作提质增效。');
    expect(plan.warnings).toEqual([]);
    expect(plan.sections.map((s) => [s.ordinal, s.title, s.items.map((i) => i.title)])).toEqual([
      ['一', '强化思想引领', ['深化“青春宣讲”行动', '加强网络阵地建设']],
      ['二', '服务青年成长', ['实施“青创伙伴”计划', '做好青少年维权工作']],
    ]);
    const [speaking, network] = plan.sections[0]!.items;
    expect(speaking!.targets.map((t) => [t.value, t.unit, t.comparator])).toEqual([[12, '支', '='], [200, '场', '>=']]);
    expect(speaking!.tags).toEqual(['青春宣讲']);
    expect(network!.targets).toEqual([]);
    expect(plan.sections[1]!.items[0]).toMatchObject({ body: '扶持青年创业项目30个以上。', tags: ['青创伙伴'], targets: [{ value: 30, unit: '个', comparator: '>=' }] });
  });

  it('reads UTF-8 text with or without a byte order mark', async () => {
    const text = '示例工作要点\n一、服务青年\n——开展培训5期。';
    expect(await readPlanDocument(Buffer.from(`\uFEFF${text}`, 'utf8'), 'plan.txt')).toBe(text);
    expect((await parsePlanDocument(Buffer.from(text, 'utf8'), 'plan.txt')).sections[0]!.items[0]!.targets).toHaveLength(1);
  });

  it('reads UTF-16 text saved with a byte order mark', async () => {
    expect(await readPlanDocument(Buffer.from('\uFEFF示例工作要点', 'utf16le'), 'plan.txt')).toBe('示例工作要点');
  });

  it('reads GB18030 text that is not valid UTF-8', async () => {
    // 示例县团委工作要点 / 一、服务青年 / ——举办“青春课堂”6期以上。 in GB18030.
    const bytes = Buffer.from('cabec0fdcfd8cdc5ceafb9a4d7f7d2aab5e30ad2bba1a2b7fecef1c7e0c4ea0aa1aaa1aabed9b0eca1b0c7e0b4babfceccc3a1b136c6dad2d4c9cfa1a30a', 'hex');
    const plan = await parsePlanDocument(bytes, 'plan.txt');
    expect(plan.title).toBe('示例县团委工作要点');
    expect(plan.sections[0]!.items[0]).toMatchObject({ title: '举办“青春课堂”6期以上', tags: ['青春课堂'], targets: [{ value: 6, unit: '期', comparator: '>=' }] });
  });

  it('turns away binary files, legacy .doc and zips that are not .docx', async () => {
    const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256));
    expect((await unreadable(binary, 'plan.txt')).reason).toBe('not_text');
    expect((await unreadable(Buffer.from('%PDF-1.7\n示例', 'utf8'), 'plan.pdf')).reason).toBe('not_text');
    const legacy = await unreadable(Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'), 'plan.doc');
    expect(legacy.reason).toBe('legacy_doc');
    expect(legacy.message).toMatch(/\.doc.* \/ Old Word/);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表1').addRow(['示例']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await unreadable(xlsx, 'plan.docx')).reason).toBe('not_docx');
    expect((await unreadable(Buffer.from('示例工作要点', 'utf8'), 'plan.docx')).reason).toBe('not_docx');
  });
});
