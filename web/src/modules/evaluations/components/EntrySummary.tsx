import { Flex, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { EntryCounts } from '../hooks/useEntryDrafts';
import { useEvaluationMeta } from '../hooks/useEvaluationMeta';
import type { EvaluationRules, Grade } from '../types/evaluation';
import { excellentCap } from '../utils/entry-draft';

const GRADES: Grade[] = ['excellent', 'qualified', 'basic', 'unqualified'];

/**
 * The proposals counted as they are picked: registration decisions, the grades, and 优秀 against
 * its cap (30% of those evaluated), in red once over it — the server refuses such a submission.
 */
export function EntrySummary({ counts, rules }: { counts: EntryCounts; rules: EvaluationRules }) {
  const t = useT();
  const { grade } = useEvaluationMeta();
  const cap = excellentCap(counts.evaluated, rules.excellentMaxPercent);
  const over = counts.grades.excellent > cap;

  return (
    <Flex vertical gap={6} role="status" aria-label={t('evaluation.summary')} style={{ padding: '8px 12px', background: '#fafafa', borderRadius: 6 }}>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('evaluation.col.registration')}</Typography.Text>
        <Tag color="success">{t('evaluation.count.registered', { count: counts.registered })}</Tag>
        <Tag color={counts.deferred > 0 ? 'warning' : undefined}>{t('evaluation.count.deferred', { count: counts.deferred })}</Tag>
        {counts.undecided > 0 && <Tag>{t('evaluation.count.undecided', { count: counts.undecided })}</Tag>}
      </Flex>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('evaluation.col.grade')}</Typography.Text>
        {GRADES.map((g) => (
          <Tag key={g} color={g === 'excellent' && over ? 'error' : undefined}>
            {grade(g)} {counts.grades[g]}
          </Tag>
        ))}
        {counts.ungraded > 0 && <Tag>{t('evaluation.count.ungraded', { count: counts.ungraded })}</Tag>}
      </Flex>
      <Typography.Text type={over ? 'danger' : 'secondary'} data-testid="excellent-limit" style={{ fontSize: 13 }}>
        {t(over ? 'evaluation.excellent.over' : 'evaluation.excellent.within', {
          count: counts.grades.excellent,
          cap,
          evaluated: counts.evaluated,
          percent: rules.excellentMaxPercent,
        })}
      </Typography.Text>
    </Flex>
  );
}
