/** English for the units the rules table writes in Chinese; a unit missing here is shown as it is. */
export const RULE_UNITS_EN: Record<string, string> = {
  人: 'people',
  年: 'years',
  周岁: 'years of age',
  字符: 'characters',
  类: 'classes',
  次: 'times',
  '次/分钟': 'per minute',
  分钟: 'minutes',
  小时: 'hours',
  行: 'rows',
  字节: 'bytes',
  个: 'items',
  个月: 'months',
  分: 'fen',
  '分/月': 'fen a month',
};
