import { useState } from 'react';
import { Flex, Input, Segmented, Select } from 'antd';
import { useT } from '../../../i18n';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { ApplicantStatus } from '../types/admission';

export type ApplicantStatusFilter = ApplicantStatus | 'all';

type Props = {
  status: ApplicantStatusFilter;
  onStatusChange: (status: ApplicantStatusFilter) => void;
  step: number | undefined;
  onStepChange: (step: number | undefined) => void;
  onSearch: (q: string) => void;
};

const STATUSES: ApplicantStatusFilter[] = ['in_progress', 'admitted', 'stopped', 'all'];

/** 状态, 步骤 and a name search above the applicant list. */
export function ApplicantFilters({ status, onStatusChange, step, onStepChange, onSearch }: Props) {
  const t = useT();
  const { meta, stepName } = useAdmissionMeta();
  const [text, setText] = useState('');

  return (
    <Flex wrap gap={8} align="center" justify="space-between">
      <Flex wrap gap={8} align="center">
        <Segmented<ApplicantStatusFilter>
          value={status}
          onChange={onStatusChange}
          options={STATUSES.map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`admission.status.${s}`) }))}
        />
        <Select<number>
          allowClear
          value={step}
          onChange={(value) => onStepChange(value ?? undefined)}
          placeholder={t('admission.filter.allSteps')}
          aria-label={t('admission.filter.step')}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          options={(meta?.steps ?? []).map((s) => ({ value: s.step, label: `${t('admission.stepNo', { step: s.step })} ${stepName(s.step)}` }))}
        />
      </Flex>
      <Input.Search
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === '') onSearch('');
        }}
        onSearch={(value) => onSearch(value.trim())}
        placeholder={t('admission.searchPlaceholder')}
        aria-label={t('admission.searchPlaceholder')}
        autoComplete="off"
        maxLength={30}
        allowClear
        enterButton
        style={{ flex: '1 1 200px', maxWidth: 280 }}
      />
    </Flex>
  );
}
