import type { AdmissionFacts } from '../types/admission';

/** The date of the latest step recorded, which the next one may not precede (as the server reckons it). */
export function lastStepDate(facts: AdmissionFacts): string | null {
  const dates = [
    facts.appliedOn, facts.activistOn, facts.trainingOn, facts.contactsOn, facts.observationOn,
    facts.candidateOn, facts.preReviewOn, facts.voteOn, facts.approvalOn, facts.ceremonyOn,
  ];
  return dates.filter((d): d is string => Boolean(d)).sort().at(-1) ?? null;
}
