import type { FieldError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import { dateMonthsAfter } from '../../platform/time/months.ts';
import { isCalendarDate } from '../../platform/time/china-date.ts';
import { ADMISSION_NOTICES, ADMISSION_STEPS } from './admission-enums.ts';

/** What the steps have recorded so far (stored as JSON on the applicant). */
export type AdmissionFacts = {
  appliedOn?: string;
  activistOn?: string;
  trainingHours?: number;
  trainingOn?: string;
  contactMemberIds?: number[];
  contactsOn?: string;
  observationOn?: string;
  observationReport?: string;
  candidateOn?: string;
  preReviewOn?: string;
  sponsorMemberIds?: number[];
  voteOn?: string;
  vote?: { branchMembers: number; present: number; inFavour: number; against: number; abstain: number };
  approvalOn?: string;
  ceremonyOn?: string;
};

/** What a request to complete a step carries. */
export type StepInput = {
  onDate: string;
  trainingHours?: number;
  contactMemberIds?: number[];
  observationReport?: string;
  sponsorMemberIds?: number[];
  vote?: { present: number; inFavour: number; against: number; abstain: number };
};

/** A rule that blocks a step, in both languages, with its machine code. */
export type StepRefusal = { code: string; zh: string; en: string };

export type NoticeState = { id: number; kind: string; end_on: string; objections_resolved: number };

const field = (name: string, code: string, zh: string, en: string): FieldError => ({ field: name, code, message: { zh, en } });

/** The step must be the next one: nothing skipped, nothing done twice. */
export function refuseOutOfOrder(currentStep: number, step: number): StepRefusal | null {
  if (step === currentStep + 1) return null;
  const next = ADMISSION_STEPS.find((s) => s.step === currentStep + 1);
  if (!next) return { code: 'finished', zh: '十个步骤已全部完成', en: 'all ten steps are done' };
  return { code: 'wrong_step', zh: `不能跳过或重复步骤：下一步应为第${next.step}步“${next.zh}”`, en: `steps cannot be skipped or repeated: the next is step ${next.step}, ${next.en}` };
}

/** The public notice a step waits for must have ended on or before the step's date with no open objection. */
export function refuseNotice(step: number, onDate: string, notices: NoticeState[]): StepRefusal | null {
  const needed = ADMISSION_NOTICES.find((n) => n.beforeStep === step);
  if (!needed) return null;
  // The latest publication of the notice is the one that counts (a notice may be published again after objections).
  const notice = notices.filter((n) => n.kind === needed.code).sort((a, b) => b.id - a.id)[0];
  if (!notice) return { code: 'notice_missing', zh: `请先进行“${needed.zh}”（三公示）`, en: `publish the ${needed.en.toLowerCase()} first` };
  if (notice.end_on >= onDate) return { code: 'notice_not_ended', zh: `“${needed.zh}”于${notice.end_on}结束，公示期满后才能进行本步骤`, en: `the notice runs until ${notice.end_on}; this step can follow only after it` };
  if (notice.objections_resolved !== 1) return { code: 'objections_open', zh: `“${needed.zh}”收到的异议尚未核实处理`, en: 'objections raised during the notice are not yet resolved' };
  return null;
}

/**
 * The checks of one step's own facts: the dates in order and not in the future, and the minimums
 * of the "六必须" (8 hours of training, 1–2 contacts, 3 months of observation, two sponsors, a
 * quorum and a majority at the branch meeting), each read from the rules table.
 */
export function checkStepFacts(
  step: number,
  facts: AdmissionFacts,
  input: StepInput,
  context: { today: string; lastDate: string; branchMembers: number; eligibleMemberIds: ReadonlySet<number> },
): FieldError[] {
  const problems: FieldError[] = [];
  if (!isCalendarDate(input.onDate)) return [field('onDate', 'invalid_date', '请填写日期，如2021-05-04', 'enter a date such as 2021-05-04')];
  if (input.onDate > context.today) problems.push(field('onDate', 'in_future', '日期不能晚于今天', 'the date cannot be in the future'));
  if (input.onDate < context.lastDate) problems.push(field('onDate', 'before_previous', `日期不能早于上一步骤的日期（${context.lastDate}）`, `the date cannot be before the previous step (${context.lastDate})`));
  const members = (name: string, ids: number[] | undefined, min: number, max: number, zhWhat: string, enWhat: string) => {
    const list = [...new Set(ids ?? [])];
    if (list.length < min || list.length > max) {
      problems.push(field(name, 'wrong_count', min === max ? `${zhWhat}须为${min}名` : `${zhWhat}须为${min}至${max}名`, `${enWhat}: ${min === max ? min : `${min}–${max}`} needed`));
    } else if (list.some((id) => !context.eligibleMemberIds.has(id))) {
      problems.push(field(name, 'not_a_member', `${zhWhat}须为本团支部团籍正常的团员`, `${enWhat} must be members in good standing of the branch`));
    }
  };
  switch (step) {
    case 3: {
      const hours = input.trainingHours ?? 0;
      const min = rule('admission.minTrainingHours');
      if (!(hours >= min)) problems.push(field('trainingHours', 'below_minimum', `党团知识培训不少于${min}学时（现为${hours}学时）`, `training must be at least ${min} hours (${hours} given)`));
      break;
    }
    case 4:
      members('contactMemberIds', input.contactMemberIds, rule('admission.minContacts'), rule('admission.maxContacts'), '培养联系人', 'contact members');
      break;
    case 5: {
      const months = rule('admission.minObservationMonths');
      const earliest = dateMonthsAfter(facts.activistOn!, months);
      if (input.onDate < earliest) {
        problems.push(field('onDate', 'observation_too_short', `培养考察不少于${months}个月：自${facts.activistOn}确定为积极分子起，最早${earliest}结束`, `observation lasts at least ${months} months from ${facts.activistOn}: ${earliest} at the earliest`));
      }
      if ((input.observationReport?.trim().length ?? 0) < 10) problems.push(field('observationReport', 'required', '请填写书面考察材料（不少于10字）', 'write the observation report (10 characters or more)'));
      break;
    }
    case 7:
      members('sponsorMemberIds', input.sponsorMemberIds, rule('admission.sponsors'), rule('admission.sponsors'), '入团介绍人', 'sponsors');
      break;
    case 8: {
      const vote = input.vote;
      if (!vote) {
        problems.push(field('vote', 'required', '请填写支部大会到会人数和无记名投票结果', 'enter the attendance and the secret-ballot tally'));
        break;
      }
      const quorum = rule('admission.quorumPercent');
      const pass = rule('admission.passPercent');
      if (vote.present > context.branchMembers) problems.push(field('vote.present', 'too_many', `到会人数不能超过本支部团员数（${context.branchMembers}）`, `attendance cannot exceed the branch's ${context.branchMembers} members`));
      else if (!(vote.present * 100 > context.branchMembers * quorum)) problems.push(field('vote.present', 'no_quorum', `到会团员须超过全体团员（${context.branchMembers}名）的${quorum}%`, `more than ${quorum}% of the ${context.branchMembers} members must attend`));
      if (vote.inFavour + vote.against + vote.abstain > vote.present) problems.push(field('vote.inFavour', 'tally_exceeds_present', '赞成、反对、弃权票之和不能超过到会人数', 'the votes cannot exceed those present'));
      else if (!(vote.inFavour * 100 > vote.present * pass)) problems.push(field('vote.inFavour', 'not_passed', `赞成票须超过到会团员的${pass}%，本次表决未通过`, `votes in favour must exceed ${pass}% of those present; the vote failed`));
      break;
    }
  }
  return problems;
}

/** The facts a completed step adds. */
export function factsAfter(step: number, facts: AdmissionFacts, input: StepInput, branchMembers: number): AdmissionFacts {
  const on = input.onDate;
  switch (step) {
    case 2: return { ...facts, activistOn: on };
    case 3: return { ...facts, trainingOn: on, trainingHours: input.trainingHours };
    case 4: return { ...facts, contactsOn: on, contactMemberIds: [...new Set(input.contactMemberIds)] };
    case 5: return { ...facts, observationOn: on, observationReport: input.observationReport!.trim() };
    case 6: return { ...facts, candidateOn: on };
    case 7: return { ...facts, preReviewOn: on, sponsorMemberIds: [...new Set(input.sponsorMemberIds)] };
    case 8: return { ...facts, voteOn: on, vote: { branchMembers, ...input.vote! } };
    case 9: return { ...facts, approvalOn: on };
    case 10: return { ...facts, ceremonyOn: on };
    default: return facts;
  }
}

/** The date of the last completed step, which the next one may not precede. */
export function lastDateOf(facts: AdmissionFacts): string {
  const dates = [facts.appliedOn, facts.activistOn, facts.trainingOn, facts.contactsOn, facts.observationOn, facts.candidateOn, facts.preReviewOn, facts.voteOn, facts.approvalOn, facts.ceremonyOn];
  return dates.filter((d): d is string => Boolean(d)).sort().at(-1) ?? '0000-00-00';
}
