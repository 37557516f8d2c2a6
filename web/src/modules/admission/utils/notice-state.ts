import type { AdmissionNotice, AdmissionNoticeKind, Applicant } from '../types/admission';

export type NoticeState = 'running' | 'objections_open' | 'ended';

/** Days a notice runs, both ends counted (as the server counts them). */
export function noticeDays(startOn: string, endOn: string): number {
  return Math.round((Date.parse(`${endOn}T00:00:00Z`) - Date.parse(`${startOn}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Open objections block the next step first; otherwise a notice runs until its last day. */
export function noticeState(notice: AdmissionNotice, today: string): NoticeState {
  if (notice.objections && !notice.objectionsResolved) return 'objections_open';
  return notice.endOn >= today ? 'running' : 'ended';
}

/** The latest publication of a kind is the one that counts (a notice may be published again). */
export function latestNotice(notices: readonly AdmissionNotice[], kind: string): AdmissionNotice | undefined {
  return notices.filter((n) => n.kind === kind).sort((a, b) => b.id - a.id)[0];
}

/** The notice that belongs at the applicant's point of the procedure, if one may be published now. */
export function publishableNotice(applicant: Applicant, kinds: readonly AdmissionNoticeKind[]): AdmissionNoticeKind | undefined {
  if (applicant.status === 'stopped' || applicant.nextStep === null) return undefined;
  return kinds.find((k) => applicant.step >= k.afterStep && applicant.step < k.beforeStep);
}
