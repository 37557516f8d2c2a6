import type { Dayjs } from 'dayjs';
import { DATE } from '../../members/utils/member-form';
import type { StepInput } from '../types/admission';

/** The next-step form; the ballot's four numbers are flat items, so that each can carry its own error. */
export type StepFormValues = {
  onDate?: Dayjs | null;
  trainingHours?: number | null;
  contactMemberIds?: number[];
  observationReport?: string;
  sponsorMemberIds?: number[];
  votePresent?: number | null;
  voteInFavour?: number | null;
  voteAgainst?: number | null;
  voteAbstain?: number | null;
};

/** The API names the ballot's fields by their path; the form's flat items answer for them. */
export const STEP_FIELD_NAMES: Record<string, string> = {
  vote: 'votePresent',
  'vote.present': 'votePresent',
  'vote.inFavour': 'voteInFavour',
  'vote.against': 'voteAgainst',
  'vote.abstain': 'voteAbstain',
};

export const STEP_FORM_FIELDS = [
  'onDate',
  'trainingHours',
  'contactMemberIds',
  'observationReport',
  'sponsorMemberIds',
  'votePresent',
  'voteInFavour',
  'voteAgainst',
  'voteAbstain',
] as const;

/** The request for `step`: its date and only what that step records. */
export function stepRequest(step: number, values: StepFormValues, confirmRatio = false): StepInput {
  const input: StepInput = { step, onDate: values.onDate!.format(DATE) };
  switch (step) {
    case 3:
      input.trainingHours = values.trainingHours ?? 0;
      break;
    case 4:
      input.contactMemberIds = values.contactMemberIds ?? [];
      break;
    case 5:
      input.observationReport = values.observationReport?.trim() ?? '';
      break;
    case 7:
      input.sponsorMemberIds = values.sponsorMemberIds ?? [];
      break;
    case 8:
      input.vote = {
        present: values.votePresent ?? 0,
        inFavour: values.voteInFavour ?? 0,
        against: values.voteAgainst ?? 0,
        abstain: values.voteAbstain ?? 0,
      };
      break;
    case 9:
      if (confirmRatio) input.confirmRatio = true;
      break;
  }
  return input;
}
