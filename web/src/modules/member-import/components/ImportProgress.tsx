import { Flex, Progress, Typography } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import type { ImportJob, ImportJobPhase } from '../types/import-job';

const PHASES: Record<ImportJobPhase, MessageKey> = {
  checking: 'import.phase.checking',
  importing: 'import.phase.importing',
  writing_errors: 'import.phase.writing_errors',
};

/** Rows read so far against the rows counted at upload, and what the job is doing now. */
export function ImportProgress({ job }: { job: ImportJob | null }) {
  const t = useT();
  const total = job?.totalRows ?? 0;
  const processed = Math.min(job?.processedRows ?? 0, total);
  const percent = total > 0 ? Math.floor((processed / total) * 100) : 0;
  const phase = !job || job.status === 'queued' ? t('import.phase.queued') : job.phase ? t(PHASES[job.phase]) : '';

  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }} aria-live="polite">
      <Typography.Text>{phase}</Typography.Text>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">
        {t('import.rowsProcessed', { processed, total })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('import.runsOnServer')}
      </Typography.Text>
    </Flex>
  );
}
