import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../parse-plan-text.ts';

// Sichuan's 2021 plan as exported from Word, kept beside the repository rather than in it.
const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const SEED = path.resolve(REPO, '../shared/seed/000_822da9a7e9b50668.txt');

describe('共青团四川省委2021年工作要点', () => {
  const raw = readFileSync(SEED, 'utf8');
  const plan = parsePlanText(raw);

  // The simplest independent reading: a line with a Chinese ordinal and 、 opens a section, a line
  // with —— holds an item whose title runs to the first 。.
  const lines = raw.split(/\r?\n/).map((l) => l.trim());
  const expected: { heading: string; titles: string[] }[] = [];
  for (const line of lines) {
    if (/^[一二三四五六七八九十]+、/.test(line)) expected.push({ heading: line, titles: [] });
    const dashes = line.indexOf('——');
    if (dashes >= 0) expected.at(-1)!.titles.push(line.slice(dashes + 2).split('。')[0]!);
  }
  const items = plan.sections.flatMap((s) => s.items);
  const itemTitled = (title: string) => items.find((i) => i.title === title)!;
  const measures = (targets: { value: number; unit: string; comparator: string }[]) => targets.map((t) => `${t.value} ${t.unit} ${t.comparator}`);

  it('has the title, the general idea and no warnings', () => {
    expect(plan.title).toBe('共青团四川省委2021年工作要点');
    expect(plan.generalIdea).toBe(lines.filter((l) => l !== '')[1]);
    expect(plan.warnings).toEqual([]);
  });

  it('has five sections of 10, 13, 5, 6 and 5 items, 39 in all', () => {
    expect(plan.sections.map((s) => s.ordinal)).toEqual(['一', '二', '三', '四', '五']);
    expect(plan.sections.map((s) => s.items.length)).toEqual([10, 13, 5, 6, 5]);
    expect(items).toHaveLength(39);
    expect(expected.flatMap((s) => s.titles)).toHaveLength(39);
  });

  it('gives every section and item title as the file writes it', () => {
    expect(plan.sections.map((s) => `${s.ordinal}、${s.title}`)).toEqual(expected.map((s) => s.heading));
    expect(plan.sections.map((s) => s.items.map((i) => i.title))).toEqual(expected.map((s) => s.titles));
    expect(plan.sections.map((s) => [s.items[0]!.title, s.items.at(-1)!.title])).toEqual([
      ['广泛开展庆祝中国共产党成立100周年主题宣传教育实践活动', '认真落实意识形态工作责任制'],
      ['助力成渝地区双城经济圈建设', '深入开展青年社会融入工作'],
      ['优化“全团抓学校”工作机制', '完善党、团、队相衔接育人链条'],
      ['扎实履行“全团带队”职责', '持续推进团学组织改革'],
      ['全面加强共青团系统党的建设', '持续强化党风廉政建设'],
    ]);
  });

  it('reads the item behind the Word bookmark as a normal item', () => {
    expect(plan.sections[3]!.items[4]!.title).toBe('不断深化青联改革');
    expect(JSON.stringify(plan)).not.toContain('bookmark');
  });

  it('finds exactly the nine targets of the plan and nothing else', () => {
    expect(measures(items.flatMap((i) => i.targets)).sort()).toEqual([
      '100 名 =', '37 个 =', '6 大 =', '8 个 =', '8 期 >=', '90 % >=', '6 个 =', '11 个 =', '12 个 =',
    ].sort());
  });

  it('puts each target in the item it was written in', () => {
    expect(measures(itemTitled('助力成渝地区双城经济圈建设').targets)).toEqual(['6 大 =', '8 个 =', '100 名 =']);
    expect(measures(items.find((i) => i.title.startsWith('推动《四川省中长期青年发展规划'))!.targets)).toEqual(['37 个 =', '11 个 =', '12 个 =']);
    expect(measures(itemTitled('深化乡村振兴青春建功行动').targets)).toEqual(['8 期 >=']);
    const members = itemTitled('加强团员队伍先进性建设');
    expect(members.body).toContain('毕业生团员组织关系转接');
    expect(measures(members.targets)).toEqual(['90 % >=']);
    expect(measures(itemTitled('持续深化青年志愿服务制度改革试点').targets)).toEqual(['6 个 =']);
    for (const item of items) for (const t of item.targets) expect(`${item.title}。${item.body}`).toContain(t.text);
  });

  it('tags items with their quoted program names', () => {
    expect(itemTitled('深化青年大学习行动').tags).toEqual(['青年大学习']);
    expect(itemTitled('助力成渝地区双城经济圈建设').tags).toContain('西部计划');
    for (const item of items) for (const tag of item.tags) expect([...tag].length).toBeLessThanOrEqual(20);
  });
});
