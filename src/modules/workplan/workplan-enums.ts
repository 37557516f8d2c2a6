import type { EnumItem } from '../org/org-enums.ts';

/** 比较方式 of a target: how the achieved figure is held against the target value. */
export const COMPARATORS = [
  { code: '>=', zh: '不少于', en: 'At least' },
  { code: '<=', zh: '不超过', en: 'At most' },
  { code: '=', zh: '达到', en: 'Reach' },
] as const satisfies readonly EnumItem[];
export type ComparatorCode = (typeof COMPARATORS)[number]['code'];

/** 指标状态: found in the text and awaiting confirmation, or confirmed (only confirmed ones count). */
export const TARGET_STATUSES = [
  { code: 'proposed', zh: '待确认', en: 'To confirm' },
  { code: 'confirmed', zh: '已确认', en: 'Confirmed' },
] as const satisfies readonly EnumItem[];

/** 报送类型: the monthly report, or one when something happens. */
export const REPORT_KINDS = [
  { code: 'monthly', zh: '月度报送', en: 'Monthly' },
  { code: 'event', zh: '随时报送', en: 'As it happens' },
] as const satisfies readonly EnumItem[];
export type ReportKind = (typeof REPORT_KINDS)[number]['code'];

/** 督办意见: a reminder to an organization, or a comment on the task. */
export const REMARK_KINDS = [
  { code: 'reminder', zh: '督办提醒', en: 'Reminder' },
  { code: 'comment', zh: '批示意见', en: 'Comment' },
] as const satisfies readonly EnumItem[];
export type RemarkKind = (typeof REMARK_KINDS)[number]['code'];

/** 任务状态, derived from progress and dates (never stored). */
export const TASK_STATES = [
  { code: 'done', zh: '已完成', en: 'Done' },
  { code: 'on_track', zh: '正常推进', en: 'On track' },
  { code: 'lagging', zh: '进度滞后', en: 'Lagging' },
  { code: 'overdue', zh: '逾期未完成', en: 'Overdue' },
] as const satisfies readonly EnumItem[];
export type TaskState = (typeof TASK_STATES)[number]['code'];

/** Where a unit's progress came from, so the board can say why a figure is what it is. */
export const PROGRESS_SOURCES = [
  { code: 'targets', zh: '按指标完成情况', en: 'From the targets' },
  { code: 'milestones', zh: '按节点完成情况', en: 'From the milestones' },
  { code: 'reported', zh: '按报送的完成比例', en: 'From the reported share done' },
  { code: 'none', zh: '尚无进展数据', en: 'No progress data yet' },
] as const satisfies readonly EnumItem[];
export type ProgressSource = (typeof PROGRESS_SOURCES)[number]['code'];

/**
 * 部门 a provincial committee starts with (the seed plan names these lead departments); each
 * committee edits its own list.
 */
export const DEFAULT_DEPARTMENTS = ['办公室', '组织部', '宣传部', '学校部', '少年部', '青年发展部', '社会联络部'] as const;
