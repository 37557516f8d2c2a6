import { extractTags } from './extract-tags.ts';
import { extractTargets } from './extract-targets.ts';
import { chineseNumeralValue } from './plan-numbers.ts';
import { planLines, type PlanLine } from './plan-lines.ts';
import type { ParsedSection, PlanParse } from './plan-parse.types.ts';

/** 一、 … 十一、: a section heading. */
const SECTION_HEADING = /^([一二三四五六七八九十百]+)、\s*(.*)$/u;
/** ——: an item (task); some converters turn the two dashes into -- or －－. */
const ITEM_MARK = /^(?:——|--|－－)\s*/u;
const EXCERPT_LENGTH = 30;

/** An item while its lines are gathered: `text` is all of it, for targets and tags. */
type ItemDraft = { title: string; body: string; text: string };
type SectionDraft = { ordinal: string; title: string; items: ItemDraft[] };

/** 工作要点 as structure: the title, 总体思路, sections (一、) and their items (——), with targets and tags per item. */
export function parsePlanText(text: string): PlanParse {
  const lines = planLines(text);
  const warnings: string[] = [];
  const sections: SectionDraft[] = [];
  const idea: string[] = [];
  let title = '';
  let item: ItemDraft | null = null;

  lines.forEach((line, index) => {
    const heading = SECTION_HEADING.exec(line.text);
    const ordinalValue = heading ? chineseNumeralValue(heading[1]!) : null;
    if (heading && ordinalValue) {
      const expected = sections.length + 1;
      if (ordinalValue !== expected) warnings.push(warning(line, `部分序号“${heading[1]}、”不连续`, `section number ${ordinalValue} follows section ${expected - 1}`));
      sections.push({ ordinal: heading[1]!, title: heading[2]!.trim(), items: [] });
      item = null;
      return;
    }
    const mark = ITEM_MARK.exec(line.text);
    if (mark) {
      const content = line.text.slice(mark[0].length).trim();
      const section = sections.at(-1);
      if (!section) warnings.push(warning(line, '事项出现在第一个部分（“一、”）之前，未导入', 'an item before the first section (一、) was left out'));
      else if (content === '') warnings.push(warning(line, '“——”后没有内容', 'nothing follows the dashes'));
      else {
        item = draftItem(content);
        section.items.push(item);
      }
      return;
    }
    if (index === 0) title = line.text;
    else if (item) appendToItem(item, line.text);
    else if (sections.length === 0) idea.push(line.text);
    else warnings.push(warning(line, '这段文字在部分标题之后、第一个事项之前，未导入', 'text between a section heading and its first item was left out'));
  });

  if (title === '') warnings.push('未找到标题（第一行） / no title (the first line)');
  if (sections.length === 0) warnings.push('未找到“一、”“二、”形式的部分 / no sections (一、, 二、…) found');
  return { title, generalIdea: idea.join('\n'), sections: sections.map(finishSection), warnings };
}

/** Title up to the first 。, body the rest. */
function draftItem(content: string): ItemDraft {
  const stop = content.indexOf('。');
  if (stop < 0) return { title: content, body: '', text: content };
  return { title: content.slice(0, stop).trim(), body: content.slice(stop + 1).trim(), text: content };
}

/** A paragraph that continues the item above (a task written over several paragraphs). */
function appendToItem(item: ItemDraft, line: string): void {
  item.body = item.body === '' ? line : `${item.body}\n${line}`;
  item.text = `${item.text}\n${line}`;
}

function finishSection(section: SectionDraft): ParsedSection {
  return {
    ordinal: section.ordinal, title: section.title,
    items: section.items.map((i) => ({ title: i.title, body: i.body, targets: extractTargets(i.text), tags: extractTags(i.text) })),
  };
}

function warning(line: PlanLine, zh: string, en: string): string {
  const excerpt = [...line.text].length > EXCERPT_LENGTH ? `${[...line.text].slice(0, EXCERPT_LENGTH).join('')}…` : line.text;
  return `第${line.number}行：${zh}（${excerpt}） / line ${line.number}: ${en} (${excerpt})`;
}
