import { useCallback } from 'react';
import { useT } from '../../../i18n';
import type { ResidentIdProblem } from '../utils/resident-id';

/** What is wrong with a resident ID number, in the current language. */
export function useIdProblemText(): (problem: ResidentIdProblem) => string {
  const t = useT();
  return useCallback(
    (problem) => {
      switch (problem.code) {
        case 'wrongLength':
          return t('member.idProblem.wrongLength', { length: problem.length });
        case 'badCharacters':
          return t('member.idProblem.badCharacters');
        case 'unknownProvince':
          return t('member.idProblem.unknownProvince', { province: problem.province });
        case 'invalidBirthDate':
          return t('member.idProblem.invalidBirthDate');
        case 'birthDateInFuture':
          return t('member.idProblem.birthDateInFuture');
        case 'wrongCheckDigit':
          return t('member.idProblem.wrongCheckDigit', { expected: problem.expected });
      }
    },
    [t],
  );
}
