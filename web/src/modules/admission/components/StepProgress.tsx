import { Flex, Progress, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';

const STEPS = 10;

/** Where an applicant stands: the last step done, by number and name, over a ten-segment bar. */
export function StepProgress({ step, stopped = false }: { step: number; stopped?: boolean }) {
  const t = useT();
  const { stepName } = useAdmissionMeta();
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text ellipsis={{ tooltip: stepName(step) }} style={{ fontSize: 13 }}>
        {t('admission.stepNo', { step })} {stepName(step)}
      </Typography.Text>
      <Progress
        percent={(step / STEPS) * 100}
        steps={STEPS}
        size={[10, 6]}
        showInfo={false}
        strokeColor={stopped ? '#bfbfbf' : step === STEPS ? '#52c41a' : undefined}
        aria-label={t('admission.stepOf', { step, total: STEPS })}
      />
    </Flex>
  );
}
