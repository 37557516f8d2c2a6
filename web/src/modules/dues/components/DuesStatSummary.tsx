import type { ReactNode } from 'react';
import { Button, Card, Flex, Statistic, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useDuesMeta } from '../hooks/useDuesMeta';
import type { DuesListKind, DuesStats } from '../types/dues';
import { formatYuan } from '../utils/money';
import { formatRate } from '../utils/percent';

// Five cards share a wide row; on a phone they pair up, on the narrowest screens they stack.
const CARD_WIDTH = 160;

type Props = {
  stats: DuesStats;
  /** Opens the 团费名单 of this organization on one list. */
  onOpenList: (kind: DuesListKind) => void;
};

/** 本月已交清率, 欠交, 脱团预警, 本年收缴 and 本级留存 of the selected organization's subtree. */
export function DuesStatSummary({ stats, onOpenList }: Props) {
  const t = useT();
  const { meta, level } = useDuesMeta();
  const row = stats.org;
  const percent = stats.retention.find((r) => r.level === row.level)?.percent;

  // A note of several lines breaks where the meaning does, not where the narrow card runs out.
  const card = (key: string, title: string, value: string | number, note: ReactNode | ReactNode[], color?: string) => (
    <Card key={key} size="small" className="tw-stat-card" style={{ flex: `1 1 ${CARD_WIDTH}px` }}>
      <Statistic title={title} value={value} styles={{ content: color ? { color } : undefined }} />
      <Flex vertical>
        {(Array.isArray(note) ? note : [note])
          .filter((line) => line !== null && line !== false)
          .map((line, i) => (
            <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
              {line}
            </Typography.Text>
          ))}
      </Flex>
    </Card>
  );
  const listLink = (kind: DuesListKind, count: number) =>
    count > 0 && (
      <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 12 }} onClick={() => onOpenList(kind)}>
        {t('dues.stats.openList')}
      </Button>
    );

  return (
    <Flex wrap gap={12} role="group" aria-label={t('dues.stats.summary')}>
      {card(
        'rate',
        t('dues.stats.paidUpRate'),
        formatRate(row.paidUpRate),
        [t('dues.stats.rateNote', { paidUp: row.paidUp, assessed: row.assessed }), t('dues.stats.unassessedNote', { unassessed: row.unassessed })],
      )}
      {card(
        'owing',
        t('dues.stats.owing'),
        row.owing,
        [t('dues.stats.owingNote'), listLink('owing', row.owing)],
        row.owing > 0 ? '#d48806' : undefined,
      )}
      {card(
        'lapse',
        t('dues.stats.lapse'),
        row.lapse,
        [meta ? t('dues.stats.lapseNote', { months: meta.lapseWarningMonths }) : null, listLink('lapse', row.lapse)],
        row.lapse > 0 ? '#cf1322' : undefined,
      )}
      {card(
        'year',
        t('dues.stats.collectedYear'),
        t('dues.yuan', { amount: formatYuan(row.collectedYearFen) }),
        [t('dues.stats.collectedMonthNote', { amount: formatYuan(row.collectedMonthFen) }), t('dues.stats.paymentsNote', { payments: row.paymentsYear })],
      )}
      {card(
        'retained',
        t('dues.stats.retained'),
        t('dues.yuan', { amount: formatYuan(row.retainedYearFen) }),
        percent === undefined ? null : t('dues.stats.retainedNote', { level: level(row.level), percent }),
      )}
    </Flex>
  );
}
