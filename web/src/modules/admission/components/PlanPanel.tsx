import { useState } from 'react';
import { Alert, Button, Card, Flex, Skeleton, Statistic, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import type { DevelopmentPlan, PlanRow } from '../types/admission';
import { percentOf } from '../utils/percent';
import { NumberRangeModal } from './NumberRangeModal';
import { PlanTable } from './PlanTable';
import { QuotaModal } from './QuotaModal';
import { YearSelect } from './YearSelect';

type Props = {
  plan: { data: DevelopmentPlan | null; loading: boolean; error: unknown; reload: () => void };
  year: number;
  onYearChange: (year: number) => void;
  onDrill: (orgId: number) => void;
};

type Dialog = { kind: 'quota' | 'range'; row: PlanRow } | null;

/** 发展计划: the year's quota and 团员编号 of the selection and its children, issued from here downwards. */
export function PlanPanel({ plan, year, onYearChange, onDrill }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [dialog, setDialog] = useState<Dialog>(null);
  const data = plan.data?.year === year ? plan.data : null;

  const card = (key: string, title: string, value: string | number, note: string) => (
    <Card key={key} size="small" className="tw-stat-card" style={{ flex: '1 1 160px' }}>
      <Statistic title={title} value={value} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {note}
      </Typography.Text>
    </Card>
  );

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Text type="secondary">{data ? t('admission.plan.intro', { name: data.org.name, year }) : t('admission.plan.title')}</Typography.Text>
        <YearSelect value={year} onChange={onYearChange} ahead />
      </Flex>
      {plan.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(plan.error)}
          action={
            <Button size="small" onClick={plan.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && plan.error === null && <Skeleton active />}
      {data && (
        <>
          <Flex wrap gap={12} role="group" aria-label={t('admission.plan.summary')}>
            {card(
              'quota',
              t('admission.plan.col.quota'),
              data.org.quota ?? t('admission.plan.notSet'),
              data.org.quota === null ? t('admission.plan.noQuotaNote') : t('admission.plan.childrenNote', { count: data.org.childrenQuota }),
            )}
            {card(
              'issued',
              t('admission.plan.col.issued'),
              data.org.issued,
              data.org.quota === null ? t('common.none') : t('admission.plan.leftNote', { left: data.org.quota - data.org.issued }),
            )}
            {card('numbers', t('admission.plan.col.numbers'), data.org.numbers, t('admission.plan.delegatedNote', { count: data.org.numbersDelegated }))}
            {card(
              'usage',
              t('admission.plan.col.usage'),
              percentOf(data.org.numbersUsed, data.org.numbers) ?? t('common.none'),
              t('admission.plan.usedNote', { used: data.org.numbersUsed }),
            )}
          </Flex>
          <Typography.Title level={5} className="tw-section-title">
            {data.children.length > 0 ? t('stats.tableTitle') : t('stats.tableTitleLeaf')}
          </Typography.Title>
          <PlanTable
            plan={data}
            loading={plan.loading}
            onQuota={(row) => setDialog({ kind: 'quota', row })}
            onRange={(row) => setDialog({ kind: 'range', row })}
            onDrill={onDrill}
          />
        </>
      )}
      {dialog?.kind === 'quota' && (
        <QuotaModal
          year={year}
          row={dialog.row}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            plan.reload();
          }}
        />
      )}
      {dialog?.kind === 'range' && (
        <NumberRangeModal
          year={year}
          row={dialog.row}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            plan.reload();
          }}
        />
      )}
    </Flex>
  );
}
