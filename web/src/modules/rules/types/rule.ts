/** One recorded change of a rule number, as GET /api/rules lists them (newest first). */
export type RuleChange = {
  value: number;
  source: string;
  /** YYYY-MM-DD: the day from which this value applies. */
  effectiveFrom: string;
  reason: string;
  /** Username of whoever made the change. */
  by: string;
  at: string;
};

/** 规则参数: a number the code reads, with where it comes from and the province's changes. */
export type Rule = {
  /** e.g. membership.maxAge; the part before the first dot names its group. */
  key: string;
  /** The value in effect today. */
  value: number;
  defaultValue: number;
  /** In Chinese, as the rules table writes it: 周岁, 分钟, 字节 … */
  unit: string;
  /** "中文 / English". */
  description: string;
  /** 依据 of the value in effect: the province's when it changed the number, else the default's. */
  source: string;
  effectiveFrom: string;
  /** Whether a province's value is in effect today. */
  overridden: boolean;
  defaultSource: string;
  history: RuleChange[];
};

/** PUT /api/rules/:key. */
export type RuleChangeInput = { value: number; source: string; effectiveFrom: string; reason: string };
