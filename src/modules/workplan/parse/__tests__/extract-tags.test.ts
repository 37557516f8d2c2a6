import { describe, expect, it } from 'vitest';
import { extractTags } from '../extract-tags.ts';

describe('extractTags', () => {
  it('takes each quoted phrase once, trimmed, in order of first appearance', () => {
    expect(extractTags('开展“ 青春护航 ”行动，打造「团团课堂」品牌，深化“青春护航”和“红色宣讲”')).toEqual(['青春护航', '团团课堂', '红色宣讲']);
  });

  it('skips long quoted requirements and phrases of digits or punctuation only', () => {
    const requirement = '凡是具备条件的单位都要按时建立团组织并开展经常性活动';
    expect(extractTags(`按照“${requirement}”的要求，推广“1+1”结对和“……”，建立“1+N”体系`)).toEqual(['1+N']);
  });

  it('ignores a quotation mark that is never closed', () => {
    expect(extractTags('开展“青春行动，持续推进')).toEqual([]);
  });
});
