import { useState, type ReactNode } from 'react';
import { Alert, Button, Drawer, Flex, Grid, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { getMemberDues } from '../api/dues-api';
import { useDuesMeta } from '../hooks/useDuesMeta';
import { useMemberDues } from '../hooks/useMemberDues';
import type { DuesPayment } from '../types/dues';
import { DuesAssessmentTable } from './DuesAssessmentTable';
import { DuesPaymentTable } from './DuesPaymentTable';
import { DuesStandingSummary } from './DuesStandingSummary';
import { MonthStrip } from './MonthStrip';
import { ReversePaymentModal } from './ReversePaymentModal';

type Props = {
  memberId: number;
  onClose: () => void;
  /** After a reversal, so that the page can refresh the list and its counts. */
  onChanged: () => void;
};

/** 团费台账 of one member: where they stand, the last twelve months, payments and assessments. */
export function DuesLedgerDrawer({ memberId, onClose, onChanged }: Props) {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const { category } = useDuesMeta();
  const ledger = useMemberDues((signal) => getMemberDues(memberId, signal), memberId);
  const [reversing, setReversing] = useState<DuesPayment | null>(null);
  const data = ledger.data?.memberId === memberId ? ledger.data : null;

  const section = (title: string, body: ReactNode, extra?: ReactNode) => (
    <section aria-label={title}>
      <Typography.Title level={5} className="tw-section-title">
        {title}
      </Typography.Title>
      {body}
      {extra}
    </section>
  );

  return (
    <Drawer
      open
      title={data ? t('dues.ledgerTitle', { name: data.name }) : t('dues.ledger')}
      onClose={onClose}
      size={screens.md === false ? '100%' : 800}
      destroyOnHidden
    >
      {ledger.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(ledger.error)}
          action={
            <Button size="small" onClick={ledger.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && ledger.error === null && <Skeleton active />}
      {data && (
        <Flex vertical gap={24}>
          {!data.assessed && (
            <Alert
              type="warning"
              showIcon
              title={t('dues.ledgerUnassessed')}
              description={can('dues.collect') ? t('dues.ledgerUnassessedHint') : undefined}
            />
          )}
          <DuesStandingSummary ledger={data} categoryLabel={category(data.category)} full />
          {section(t('dues.months12'), <MonthStrip months={data.months} />)}
          {section(
            t('dues.payments'),
            <DuesPaymentTable payments={data.payments} onReverse={can('dues.collect') ? setReversing : undefined} />,
            can('dues.collect') && data.payments.some((p) => p.status === 'recorded') && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
                {t('dues.reverse.onlyLatest')}
              </Typography.Text>
            ),
          )}
          {section(t('dues.assessments'), <DuesAssessmentTable assessments={data.assessments} />)}
        </Flex>
      )}
      {reversing && data && (
        <ReversePaymentModal
          payment={reversing}
          memberName={data.name}
          onClose={() => setReversing(null)}
          onReversed={() => {
            setReversing(null);
            ledger.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
