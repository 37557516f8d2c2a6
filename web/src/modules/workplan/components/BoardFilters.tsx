import { useState } from 'react';
import { Checkbox, Flex, Input, Select } from 'antd';
import { useT } from '../../../i18n';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import { TASK_STATES, type TaskState } from '../types/workplan';
import { NO_DEPARTMENT, type BoardFilter } from '../utils/board-filter';

type Props = {
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
  /** Lead departments named on the board. */
  departments: string[];
  /** Offer 本月尚无报送 (a plan of this year). */
  offerUnreported: boolean;
  /** Offer 有待回应的督办提醒 (some are addressed to the post's organization, or the 工作台 sent it here for them). */
  offerReminded: boolean;
};

/** State, lead department and words in the title or tags; the 工作台's filters when it sent the post here. */
export function BoardFilters({ filter, onChange, departments, offerUnreported, offerReminded }: Props) {
  const t = useT();
  const { state } = useWorkplanMeta();
  const [text, setText] = useState(filter.q ?? '');
  return (
    <Flex wrap gap={8} align="center">
      <Select<TaskState>
        value={filter.state}
        onChange={(value) => onChange({ ...filter, state: value })}
        allowClear
        placeholder={t('workplan.filter.allStates')}
        aria-label={t('workplan.filter.state')}
        options={TASK_STATES.map((s) => ({ value: s, label: state(s) }))}
        style={{ width: 140 }}
      />
      <Select<string>
        value={filter.department}
        onChange={(value) => onChange({ ...filter, department: value })}
        allowClear
        placeholder={t('workplan.filter.allDepartments')}
        aria-label={t('workplan.filter.department')}
        options={[...departments.map((d) => ({ value: d, label: d })), { value: NO_DEPARTMENT, label: t('workplan.filter.noDepartment') }]}
        style={{ width: 160 }}
      />
      <Input.Search
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === '') onChange({ ...filter, q: undefined });
        }}
        onSearch={(value) => onChange({ ...filter, q: value.trim() || undefined })}
        placeholder={t('workplan.filter.search')}
        aria-label={t('workplan.filter.search')}
        autoComplete="off"
        maxLength={50}
        allowClear
        style={{ flex: '1 1 200px', maxWidth: 300 }}
      />
      {offerUnreported && (
        <Checkbox checked={!!filter.unreported} onChange={(event) => onChange({ ...filter, unreported: event.target.checked || undefined })}>
          {t('workplan.filter.unreported')}
        </Checkbox>
      )}
      {offerReminded && (
        <Checkbox checked={!!filter.reminded} onChange={(event) => onChange({ ...filter, reminded: event.target.checked || undefined })}>
          {t('workplan.filter.reminders')}
        </Checkbox>
      )}
    </Flex>
  );
}
