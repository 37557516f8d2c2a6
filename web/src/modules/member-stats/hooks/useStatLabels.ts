import { useCallback } from 'react';
import { useBilingual, useT } from '../../../i18n';
import { useMemberEnums } from '../../members/hooks/useMemberEnums';
import type { AgeBand } from '../types/member-stats';
import { FIELD_CODES, FIELD_LABELS } from '../utils/fields';

/** Labels of the statistics' buckets: 年龄段 from the answer, 民族 from the member enums, 领域 here. */
export function useStatLabels(ageBands: AgeBand[]) {
  const t = useT();
  const bilingual = useBilingual();
  const enums = useMemberEnums();

  const ageBand = useCallback(
    (code: string) => bilingual(ageBands.find((band) => band.code === code), code),
    [ageBands, bilingual],
  );
  const ethnicity = useCallback((code: string) => enums.label('ethnicities', code), [enums]);
  const fields = FIELD_CODES.map((code) => ({ code, label: t(FIELD_LABELS[code]) }));

  return { ageBand, ethnicity, fields };
}
