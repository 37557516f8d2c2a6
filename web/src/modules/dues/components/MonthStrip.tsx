import { Flex, Tooltip, Typography } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import type { MonthState } from '../types/dues';

type Props = { months: { month: string; state: MonthState }[] };

const LOOK: Record<MonthState, { background: string; border: string; color: string; label: MessageKey }> = {
  paid: { background: '#52c41a', border: '#52c41a', color: '#fff', label: 'dues.month.paid' },
  owed: { background: '#fff1f0', border: '#ff7875', color: '#cf1322', label: 'dues.month.owed' },
  not_due: { background: '#fafafa', border: '#e8e8e8', color: '#bfbfbf', label: 'dues.month.notDue' },
};

/**
 * The last twelve months as a row of cells, oldest first: paid, owed, or before dues started.
 * Each cell shows its month number; the first and January cells carry the year above, so that a
 * row spanning two years reads without a legend for the years.
 */
export function MonthStrip({ months }: Props) {
  const t = useT();
  if (months.length === 0) return null;

  return (
    <Flex vertical gap={6}>
      <div
        role="list"
        aria-label={t('dues.month.stripLabel')}
        style={{ display: 'grid', gridTemplateColumns: `repeat(${months.length}, minmax(0, 1fr))`, gap: 3 }}
      >
        {months.map(({ month, state }, i) => {
          const look = LOOK[state];
          const [year, number] = month.split('-');
          const showYear = i === 0 || number === '01';
          return (
            <Tooltip key={month} title={`${month} ${t(look.label)}`}>
              <div role="listitem" aria-label={`${month} ${t(look.label)}`} data-month={month} data-state={state}>
                <div style={{ fontSize: 10, lineHeight: '14px', height: 14, color: '#8c8c8c', whiteSpace: 'nowrap' }}>
                  {showYear ? year : ''}
                </div>
                <div
                  style={{
                    height: 26,
                    borderRadius: 4,
                    border: `1px solid ${look.border}`,
                    background: look.background,
                    color: look.color,
                    fontSize: 12,
                    lineHeight: '24px',
                    textAlign: 'center',
                    fontVariantNumeric: 'tabular-nums',
                  }}
                >
                  {Number(number)}
                </div>
              </div>
            </Tooltip>
          );
        })}
      </div>
      <Flex gap={12} wrap>
        {(Object.keys(LOOK) as MonthState[]).map((state) => (
          <Typography.Text key={state} type="secondary" style={{ fontSize: 12 }}>
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                marginInlineEnd: 4,
                borderRadius: 2,
                verticalAlign: -1,
                border: `1px solid ${LOOK[state].border}`,
                background: LOOK[state].background,
              }}
            />
            {t(LOOK[state].label)}
          </Typography.Text>
        ))}
      </Flex>
    </Flex>
  );
}
