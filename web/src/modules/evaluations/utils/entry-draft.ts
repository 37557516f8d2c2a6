import dayjs from 'dayjs';
import type { EntryInput, EvaluationCycleDetail, EvaluationEntry, EvaluationRules, Grade, Registration } from '../types/evaluation';

/** What the branch proposes for one member while editing; months stand for the dates the server works out. */
export type EntryDraft = {
  registration: Registration | null;
  deferMonths: number | null;
  grade: Grade | null;
  correctionMonths: number | null;
};

/** Months from the meeting (the server's starting point) to a stored date, kept within the rule's range. */
function monthsUntil(from: string, until: string | null, min: number, max: number): number | null {
  if (!until) return null;
  const months = Math.round(dayjs(until).diff(dayjs(from), 'month', true));
  return Math.min(max, Math.max(min, months));
}

export function draftOf(entry: EvaluationEntry, cycle: EvaluationCycleDetail, rules: EvaluationRules): EntryDraft {
  const from = cycle.meetingOn ?? dayjs().format('YYYY-MM-DD');
  return {
    registration: entry.registration,
    deferMonths: monthsUntil(from, entry.deferUntil, rules.deferMinMonths, rules.deferMaxMonths),
    grade: entry.grade,
    correctionMonths: monthsUntil(from, entry.correctionUntil, rules.correctionMinMonths, rules.correctionMaxMonths),
  };
}

/** The row as the API takes it: months only where the choice needs them. */
export function entryInput(memberId: number, draft: EntryDraft): EntryInput {
  return {
    memberId,
    registration: draft.registration,
    deferMonths: draft.registration === 'deferred' ? draft.deferMonths : null,
    grade: draft.grade,
    correctionMonths: draft.grade === 'unqualified' ? draft.correctionMonths : null,
  };
}

/** The most 优秀 the rule allows among those evaluated (Party members keeping 团籍 are not). */
export function excellentCap(evaluated: number, maxPercent: number): number {
  return Math.floor((evaluated * maxPercent) / 100);
}

/** The fewest attendees that make the meeting valid: more than `quorumPercent` of the branch. */
export function fewestAttendees(branchMembers: number, quorumPercent: number): number {
  return Math.floor((branchMembers * quorumPercent) / 100) + 1;
}
