import { Alert, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { useMyEvaluations } from '../hooks/useMyEvaluations';
import type { MyEvaluation } from '../types/my-evaluation';

const REGISTRATIONS: Record<string, { label: MessageKey; color: string }> = {
  registered: { label: 'me.evaluation.registered', color: 'success' },
  deferred: { label: 'me.evaluation.deferred', color: 'warning' },
};

const GRADES: Record<string, { label: MessageKey; color: string }> = {
  excellent: { label: 'me.evaluation.grade.excellent', color: 'red' },
  qualified: { label: 'me.evaluation.grade.qualified', color: 'blue' },
  basic: { label: 'me.evaluation.grade.basic', color: 'orange' },
  unqualified: { label: 'me.evaluation.grade.unqualified', color: 'error' },
};

/** One year: the result once approved, else that the year's evaluation is still under way. */
function YearResult({ item }: { item: MyEvaluation }) {
  const t = useT();
  if (item.status !== 'approved') {
    return <Typography.Text type="secondary">{t('me.evaluation.inProgress')}</Typography.Text>;
  }
  const registration = item.registration ? REGISTRATIONS[item.registration] : undefined;
  const grade = item.grade ? GRADES[item.grade] : undefined;
  return (
    <Flex vertical gap={4} align="end">
      <Flex gap={4} wrap justify="end">
        {registration && <Tag color={registration.color}>{t(registration.label)}</Tag>}
        {grade && <Tag color={grade.color}>{t(grade.label)}</Tag>}
        {item.exempt && <Tag>{t('me.evaluation.exempt')}</Tag>}
      </Flex>
      {item.deferUntil && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('me.evaluation.deferUntil', { date: item.deferUntil })}
        </Typography.Text>
      )}
      {item.correctionUntil && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('me.evaluation.correctionUntil', { date: item.correctionUntil })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 团籍注册与教育评议: one's registration and grade for each year. */
export function MyEvaluationCard() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const evaluations = useMyEvaluations();

  return (
    <Card size="small" title={t('me.evaluation.title')} className="tw-me-card">
      {evaluations.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(evaluations.error)}
          action={
            <Button size="small" onClick={evaluations.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!evaluations.data && evaluations.error === null && <Skeleton active paragraph={{ rows: 1 }} />}
      {evaluations.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('me.evaluation.none')} />}
      {evaluations.data && evaluations.data.length > 0 && (
        <Flex vertical gap={10}>
          {evaluations.data.map((item) => (
            <Flex key={item.year} justify="space-between" align="start" gap={8}>
              <Typography.Text strong style={{ flex: 'none' }}>
                {t('me.evaluation.year', { year: item.year })}
              </Typography.Text>
              <YearResult item={item} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
