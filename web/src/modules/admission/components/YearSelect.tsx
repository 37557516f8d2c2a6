import { Select } from 'antd';
import { useT } from '../../../i18n';
import { todayInChina } from '../../common/utils/today-in-china';

type Props = {
  value: number;
  onChange: (year: number) => void;
  /** Offer next year too (plans are often issued ahead). */
  ahead?: boolean;
};

/** A year from this one (or the next) back to four years ago, in China's calendar. */
export function YearSelect({ value, onChange, ahead = false }: Props) {
  const t = useT();
  const thisYear = Number(todayInChina().slice(0, 4));
  const first = ahead ? thisYear + 1 : thisYear;
  const years = Array.from({ length: first - thisYear + 5 }, (_, i) => first - i);
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      aria-label={t('admission.year')}
      style={{ width: 120 }}
      options={years.map((year) => ({ value: year, label: t('admission.yearOption', { year }) }))}
    />
  );
}
