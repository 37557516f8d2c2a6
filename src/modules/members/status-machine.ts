import type { Bilingual } from '../../platform/http/app-error.ts';
import type { MemberStatus } from './member-enums.ts';

/** The four ways of leaving the League; each goes through a pending state the parent organization approves. */
export const EXIT_KINDS = ['aged_out', 'lapsed', 'withdrawn', 'expelled'] as const;
/** 离团方式: 满28周岁离团 / 自行脱团 / 自愿退团 / 开除团籍. */
export type ExitKind = (typeof EXIT_KINDS)[number];

export const pendingOf = (kind: ExitKind): MemberStatus => `${kind}_pending`;

/** Statuses in which the person still holds 团籍 (pending exits included). */
export function isActiveStatus(status: string): boolean {
  return status === 'normal' || status.endsWith('_pending');
}

/** The exit a pending status waits for, or null. */
export function pendingExit(status: string): ExitKind | null {
  const kind = status.replace(/_pending$/, '');
  return status.endsWith('_pending') && (EXIT_KINDS as readonly string[]).includes(kind) ? (kind as ExitKind) : null;
}

/** A refused transition with the reason people read. */
export type Refusal = { code: string; message: Bilingual };

/** Facts about the member that decide whether an exit may be requested. */
export type ExitFacts = { status: string; age: number; maxAge: number; holdsLeaguePost: boolean };

/** 发起团籍变动: may this exit be requested now? Null when it may. */
export function refuseExitRequest(kind: ExitKind, facts: ExitFacts): Refusal | null {
  if (facts.status !== 'normal') {
    return { code: 'not_normal', message: { zh: '只有团籍状态为“正常”的团员才能发起团籍变动，当前已有待审核或已完成的变动', en: 'only a member in normal standing can start a status change' } };
  }
  if (kind === 'aged_out') {
    if (facts.age < facts.maxAge) {
      return { code: 'under_age', message: { zh: `该团员未满${facts.maxAge}周岁（现${facts.age}周岁），不能办理超龄离团`, en: `the member is ${facts.age}, under ${facts.maxAge}` } };
    }
    if (facts.holdsLeaguePost) {
      return { code: 'holds_post', message: { zh: '该团员担任团内职务，可保留团籍至卸任后再办理离团', en: 'the member holds a League post and keeps membership until leaving it' } };
    }
  }
  return null;
}

/** 恢复团籍: may a member who left come back? Null when they may. */
export function refuseRestore(facts: { status: string; age: number; maxAge: number }): Refusal | null {
  if (isActiveStatus(facts.status)) {
    return { code: 'still_member', message: { zh: '该团员团籍未注销，无需恢复', en: 'the member still holds membership' } };
  }
  if (facts.age >= facts.maxAge) {
    return { code: 'over_age', message: { zh: `该人员已满${facts.maxAge}周岁，不能恢复团籍`, en: `the person is ${facts.maxAge} or older` } };
  }
  return null;
}
