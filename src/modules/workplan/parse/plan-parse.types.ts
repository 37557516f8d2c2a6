/** How a target's value is compared with what is achieved: 以上/不少于 → ">=", 以内/不超过 → "<=", otherwise "=". */
export type Comparator = '>=' | '<=' | '=';

/** 量化目标: a quantitative target found in a task's text, shown for confirmation before it becomes an indicator. */
export type ExtractedTarget = {
  /** The number, with 万/亿 multiplied out; percentages as 90 with unit "%". */
  value: number;
  /** The measure word or unit as written (名, 个, 期, 场次, 人次, %, 万元, …). */
  unit: string;
  comparator: Comparator;
  /** The clause the target came from, as written in the document. */
  text: string;
};

/** One "——" item of a section (a task): title up to the first "。", body the rest. */
export type ParsedItem = { title: string; body: string; targets: ExtractedTarget[]; tags: string[] };

/** 一、… 五、: a section of the plan. */
export type ParsedSection = { ordinal: string; title: string; items: ParsedItem[] };

/** A work plan (工作要点) as structure, before anything is written. */
export type PlanParse = {
  title: string;
  /** 总体思路: the paragraph(s) between the title and the first section. */
  generalIdea: string;
  sections: ParsedSection[];
  /** Lines the parser could not place, said in Chinese and English. */
  warnings: string[];
};
