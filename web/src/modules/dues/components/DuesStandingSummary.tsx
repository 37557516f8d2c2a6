import { Descriptions, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useLang, useT } from '../../../i18n';
import type { MemberDues } from '../types/dues';
import { formatYuan } from '../utils/money';
import { DuesStandingTag } from './DuesStandingTag';

type Props = {
  ledger: MemberDues;
  /** The category's name; left out where the categories cannot be read (a member's own page). */
  categoryLabel?: string;
  /** The secretary's ledger shows the branch and the start month too; one's own page needs less. */
  full?: boolean;
};

/** 月交团费, 交至 and 欠交 of one member, with the branch, category and start in the full ledger. */
export function DuesStandingSummary({ ledger, categoryLabel, full = false }: Props) {
  const t = useT();
  const { lang } = useLang();
  const none = t('common.none');
  const { standing } = ledger;
  // A first assessment sets 交至 to the month before dues start: nothing is paid yet.
  const nothingPaid = ledger.startMonth !== null && ledger.paidThrough !== null && ledger.paidThrough < ledger.startMonth;

  const owed =
    standing === null ? (
      none
    ) : standing.owedMonths === 0 ? (
      <Typography.Text type="success">{t('dues.owedNone')}</Typography.Text>
    ) : (
      <Space size={6} wrap>
        <Typography.Text type="danger">
          {t('dues.owedText', { months: standing.owedMonths, amount: formatYuan(standing.owedFen) })}
        </Typography.Text>
        {standing.lapseWarning && <DuesStandingTag standing={standing} />}
      </Space>
    );

  const items: DescriptionsProps['items'] = [
    ...(full ? [{ key: 'branch', label: t('member.col.branch'), children: ledger.orgName }] : []),
    ...(categoryLabel !== undefined ? [{ key: 'category', label: t('dues.field.category'), children: categoryLabel || none }] : []),
    {
      key: 'monthly',
      label: t('dues.col.monthlyPlain'),
      children:
        ledger.monthlyFen === null ? (
          <Typography.Text type="secondary">{t('dues.notAssessedYet')}</Typography.Text>
        ) : (
          t('dues.perMonth', { amount: formatYuan(ledger.monthlyFen) })
        ),
    },
    {
      key: 'paidThrough',
      label: t('dues.col.paidThrough'),
      children: !ledger.assessed ? none : nothingPaid ? t('dues.nothingPaid') : ledger.paidThrough,
    },
    ...(full
      ? [{ key: 'start', label: t('dues.field.startMonth'), children: ledger.startMonth ?? none }]
      : []),
    { key: 'owed', label: t('dues.col.owed'), children: owed },
  ];

  return (
    <Descriptions
      column={1}
      size="small"
      bordered={full}
      colon={full}
      items={items}
      styles={{ label: { width: lang === 'en-US' ? 150 : full ? 112 : 96, ...(full ? {} : { color: '#8c8c8c' }) } }}
    />
  );
}
