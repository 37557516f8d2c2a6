/** The word lists that decide what counts as a quantitative target (量化目标) and how it compares. */

/** Longest first, so that 人次 is preferred to 人 and 个百分点 to 个. */
function longestFirst(words: readonly string[]): readonly string[] {
  return [...words].sort((a, b) => b.length - a.length);
}

/**
 * 计量单位: a number is a target only when one of these follows it. 年, 周年, 届, 级, 条, 类 and 周 are
 * left out on purpose: after a number they name years, meetings and kinds, not amounts to reach.
 */
export const TARGET_UNITS = longestFirst([
  '个百分点', '个月', '场次', '人次', '小时', '万元', '亿元',
  '个', '名', '人', '期', '场', '次', '项', '家', '所', '支', '户', '村', '批', '篇', '部', '处', '门', '本', '套',
  '件', '份', '座', '天', '元', '%', '大',
]);

/** Words that turn number + unit into a fixed name (八项规定, 四个意识, 五中全会), so no target. */
export const NAME_WORDS = longestFirst(['规定', '全会', '会议', '大会', '意识', '自信', '责任', '维护', '大局', '原则', '禁令']);

/** Characters right before a number that make it an ordinal or a session (第十七届, 十一届八次全会). */
export const ORDINAL_MARKS: readonly string[] = ['第', '届'];

/** Between the number and its unit, "more than" (300余名, 300多名). */
export const AT_LEAST_INFIXES: readonly string[] = ['余', '多'];

/** Right after the unit: 8期以上. */
export const AT_LEAST_SUFFIXES = longestFirst(['以上', '及以上']);

/** Right after the unit: 30%以内. */
export const AT_MOST_SUFFIXES = longestFirst(['以内', '以下', '及以下']);

/** Earlier in the same clause: 不少于120场次. */
export const AT_LEAST_PREFIXES = longestFirst(['不少于', '不低于', '不小于', '至少', '最少', '超过', '多于', '高于']);

/** Earlier in the same clause: 不超过5个, 控制在30%. */
export const AT_MOST_PREFIXES = longestFirst(['不超过', '不高于', '不多于', '不大于', '至多', '最多', '控制在', '低于', '少于']);

/** 在…内 around a number and its unit: at most (在48小时内响应). */
export const WITHIN_FRAME = ['在', '内'] as const;

/** Between the two ends of a range: 3—5个, 3至5个. */
export const RANGE_SEPARATORS = longestFirst(['——', '—', '–', '-', '~', '～', '至', '到']);

/** The word at `index` from a list sorted longest first, or null. */
export function wordAt(text: string, index: number, words: readonly string[]): string | null {
  for (const word of words) if (text.startsWith(word, index)) return word;
  return null;
}
