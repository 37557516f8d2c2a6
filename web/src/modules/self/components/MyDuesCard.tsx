import { Alert, Button, Card, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { DuesStandingSummary } from '../../dues/components/DuesStandingSummary';
import { MonthStrip } from '../../dues/components/MonthStrip';
import { formatYuan } from '../../dues/utils/money';
import { useMyDues } from '../hooks/useMyDues';

// A phone screen holds a few; the branch keeps the full ledger.
const RECENT_PAYMENTS = 5;

/** 我的团费: what one pays a month, how far one has paid, the last twelve months and recent payments. */
export function MyDuesCard() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { data, error, reload } = useMyDues();

  return (
    <Card size="small" title={t('me.dues.title')} className="tw-me-card">
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error)}
          action={
            <Button size="small" onClick={reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && error === null && <Skeleton active paragraph={{ rows: 3 }} />}
      {data && (
        <Flex vertical gap={16}>
          <DuesStandingSummary ledger={data} />
          {data.standing?.lapseWarning && (
            <Alert type="error" showIcon title={t('me.dues.lapseWarning', { months: data.standing.overdueMonths })} />
          )}
          {!data.assessed && <Typography.Text type="secondary">{t('me.dues.notAssessed')}</Typography.Text>}
          {data.assessed && (
            <div>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
                {t('dues.months12')}
              </Typography.Text>
              <MonthStrip months={data.months} />
            </div>
          )}
          {data.payments.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('me.dues.recent')}</Typography.Text>
              <List
                size="small"
                split
                dataSource={data.payments.slice(0, RECENT_PAYMENTS)}
                renderItem={(p) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <Flex justify="space-between" align="start" gap={8} style={{ width: '100%' }}>
                      <Flex vertical style={{ minWidth: 0 }}>
                        <span>
                          {p.fromMonth} – {p.toMonth}
                        </span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('me.dues.paidOn', { date: p.paidOn, months: p.months })}
                        </Typography.Text>
                      </Flex>
                      <Flex vertical align="end" style={{ flex: 'none' }}>
                        <Typography.Text delete={p.status === 'reversed'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {t('dues.yuan', { amount: formatYuan(p.amountFen) })}
                        </Typography.Text>
                        {p.status === 'reversed' && <Tag style={{ marginInlineEnd: 0 }}>{t('dues.payment.reversed')}</Tag>}
                      </Flex>
                    </Flex>
                  </List.Item>
                )}
              />
            </div>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('me.dues.hint')}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
