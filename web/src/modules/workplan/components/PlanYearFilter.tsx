import { Select } from 'antd';
import { useT } from '../../../i18n';

const YEARS_BACK = 9;

/** All years, or one from next year back to nine years ago. */
export function PlanYearFilter({ value, onChange, thisYear }: { value: number | undefined; onChange: (year: number | undefined) => void; thisYear: number }) {
  const t = useT();
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => thisYear + 1 - i);
  return (
    <Select<number | 'all'>
      value={value ?? 'all'}
      onChange={(next) => onChange(next === 'all' ? undefined : next)}
      aria-label={t('workplan.list.year')}
      style={{ width: 128 }}
      options={[{ value: 'all' as const, label: t('workplan.list.allYears') }, ...years.map((y) => ({ value: y, label: t('workplan.yearLabel', { year: y }) }))]}
    />
  );
}
