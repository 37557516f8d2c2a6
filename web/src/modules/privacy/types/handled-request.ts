import type { SubjectRequest } from '../../self/types/subject-request';

/** A request in the handler's list, with whom it concerns. */
export type HandledRequest = SubjectRequest & { memberName: string; idNumberMasked: string; orgName: string; memberRestricted: boolean };

export type Decision = { decision: 'accept' | 'refuse'; reason: string; value?: string };
