import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { useDuesMeta } from '../hooks/useDuesMeta';
import type { DuesPayment } from '../types/dues';
import { formatYuan } from '../utils/money';
import { Yuan } from './Yuan';

type Props = {
  payments: DuesPayment[];
  /** Offer 撤销 on recorded payments; the server accepts only the member's latest one. */
  onReverse?: (payment: DuesPayment) => void;
};

const small = { fontSize: 12 } as const;

/** 收缴记录 of one member, newest first; a reversed payment stays, marked, with why. */
export function DuesPaymentTable({ payments, onReverse }: Props) {
  const t = useT();
  const { method } = useDuesMeta();

  const columns: TableProps<DuesPayment>['columns'] = [
    {
      key: 'months',
      title: t('dues.col.payMonths'),
      width: 150,
      render: (_, p) => (
        <Flex vertical>
          <span style={{ whiteSpace: 'nowrap' }}>
            {p.fromMonth} – {p.toMonth}
          </span>
          <Typography.Text type="secondary" style={small}>
            {t('dues.monthCount', { months: p.months })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('dues.col.amountYuan'),
      width: 100,
      align: 'end',
      render: (_, p) => (
        <Flex vertical align="end">
          <Yuan fen={p.amountFen} />
          {p.extraFen > 0 && (
            <Typography.Text type="secondary" style={small}>
              {t('dues.extraIncluded', { amount: formatYuan(p.extraFen) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'receipt',
      title: t('dues.col.receipt'),
      width: 170,
      render: (_, p) => (
        <Flex vertical>
          <span className="tw-mono">{p.receiptNo}</span>
          <Typography.Text type="secondary" style={small}>
            {method(p.method)} · {p.paidOn}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'recordedBy',
      title: t('dues.col.recordedBy'),
      width: 120,
      render: (_, p) => (
        <Flex vertical>
          <span>{p.recordedBy}</span>
          <Typography.Text type="secondary" style={small}>
            {formatTime(p.recordedAt).slice(0, 10)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('dues.col.status'),
      width: 150,
      render: (_, p) =>
        p.status === 'reversed' ? (
          <Flex vertical align="start" gap={2}>
            <Tooltip title={`${p.reversedBy ?? ''} · ${formatTime(p.reversedAt)}`}>
              <Tag>{t('dues.payment.reversed')}</Tag>
            </Tooltip>
            {p.reversedReason && (
              <Typography.Text type="secondary" style={small}>
                {p.reversedReason}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <Tag color="green">{t('dues.payment.recorded')}</Tag>
        ),
    },
    ...(onReverse
      ? [
          {
            key: 'actions',
            title: t('member.col.actions'),
            width: 64,
            render: (_: unknown, p: DuesPayment) =>
              p.status === 'recorded' && (
                <Button type="link" size="small" danger style={{ paddingInline: 0 }} onClick={() => onReverse(p)}>
                  {t('dues.reverse.open')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Table<DuesPayment>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={payments}
      pagination={payments.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('dues.payment.none') }}
      rowClassName={(p) => (p.status === 'reversed' ? 'tw-row-inactive' : '')}
    />
  );
}
