import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../parse-plan-text.ts';

const PLAN = [
  '\uFEFF  共青团示例县委2024年工作要点  ',
  '',
  '总体思路：围绕中心、服务大局，突出政治引领。',
  '全年工作坚持重心下移。',
  '一、加强青少年思想政治引领',
  '——深化“青年大学习”行动。每季度组织专题学习不少于3次。',
  '覆盖团员２０００人次以上。',
  '——开展主题团日活动',
  '二、服务青年发展',
  '[bookmark: _GoBack]——实施“青春护航”计划。建设青少年服务站3—5个，开展“护苗”课堂。',
  '——推进志愿服务项目化。',
].join('\r\n');

describe('parsePlanText', () => {
  const plan = parsePlanText(PLAN);

  it('takes the first line as the title and the paragraphs before the first section as the general idea', () => {
    expect(plan.title).toBe('共青团示例县委2024年工作要点');
    expect(plan.generalIdea).toBe('总体思路：围绕中心、服务大局，突出政治引领。\n全年工作坚持重心下移。');
    expect(plan.warnings).toEqual([]);
  });

  it('splits sections at 一、 and items at ——, title up to the first 。', () => {
    expect(plan.sections.map((s) => [s.ordinal, s.title, s.items.map((i) => i.title)])).toEqual([
      ['一', '加强青少年思想政治引领', ['深化“青年大学习”行动', '开展主题团日活动']],
      ['二', '服务青年发展', ['实施“青春护航”计划', '推进志愿服务项目化']],
    ]);
  });

  it('joins a following paragraph to the item body and keeps full-width digits as written', () => {
    const item = plan.sections[0]!.items[0]!;
    expect(item.body).toBe('每季度组织专题学习不少于3次。\n覆盖团员２０００人次以上。');
    expect(item.targets.map((t) => [t.value, t.unit, t.comparator])).toEqual([[3, '次', '>='], [2000, '人次', '>=']]);
    expect(item.tags).toEqual(['青年大学习']);
    expect(plan.sections[0]!.items[1]!.body).toBe('');
  });

  it('drops converter bookmarks and searches targets and tags in the whole item', () => {
    const item = plan.sections[1]!.items[0]!;
    expect(item.body).toBe('建设青少年服务站3—5个，开展“护苗”课堂。');
    expect(item.targets.map((t) => [t.value, t.comparator, t.text])).toEqual([[3, '>=', '建设青少年服务站3—5个'], [5, '<=', '建设青少年服务站3—5个']]);
    expect(item.tags).toEqual(['青春护航', '护苗']);
    expect(JSON.stringify(plan)).not.toContain('bookmark');
  });

  it('warns about lines it cannot place, in Chinese and English', () => {
    const odd = parsePlanText(['示例工作要点', '——没有部分的事项。', '一、第一部分', '部分标题后的说明文字', '——事项一。', '三、跳过了二', '——事项二。'].join('\n'));
    expect(odd.sections.map((s) => s.items.length)).toEqual([1, 1]);
    expect(odd.warnings).toHaveLength(3);
    expect(odd.warnings[0]).toMatch(/^第2行：.*未导入.* \/ line 2: an item before the first section/);
    expect(odd.warnings[1]).toMatch(/^第4行：.* \/ line 4: text between a section heading/);
    expect(odd.warnings[2]).toMatch(/^第6行：部分序号“三、”不连续.* \/ line 6: section number 3 follows section 1/);
  });

  it('says so when the text has no sections', () => {
    const empty = parsePlanText('');
    expect(empty).toMatchObject({ title: '', generalIdea: '', sections: [] });
    expect(empty.warnings).toHaveLength(2);
  });
});
