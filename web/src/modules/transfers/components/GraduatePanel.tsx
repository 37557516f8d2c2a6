import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { todayInChina } from '../../common/utils/today-in-china';
import { listGraduateBatches } from '../api/graduate-api';
import { useFetched } from '../hooks/useFetched';
import { useTransferMeta } from '../hooks/useTransferMeta';
import { GraduateBatchDrawer } from './GraduateBatchDrawer';
import { GraduateBatchTable } from './GraduateBatchTable';
import { GraduateRatePanel } from './GraduateRatePanel';
import { OpenBatchModal } from './OpenBatchModal';

/** 毕业生转接: the schools' batches with their progress, and the year's transfer rate against the target. */
export function GraduatePanel({ reloadToken }: { reloadToken: number }) {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const { meta } = useTransferMeta();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [version, setVersion] = useState(0);
  const batches = useFetched((signal) => listGraduateBatches(signal), `${reloadToken}:${version}`);
  const [opening, setOpening] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const openBatch = batches.data?.find((b) => b.id === openId) ?? null;
  const changed = () => setVersion((v) => v + 1);

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('graduate.batches')}
        extra={
          can('transfer.apply') && (
            <Button icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t('graduate.open.open')}
            </Button>
          )
        }
      >
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('graduate.batchesIntro', { percent: meta?.graduateRateTargetPercent ?? 90 })}</Typography.Text>
          {batches.error !== null && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(batches.error)}
              action={
                <Button size="small" onClick={batches.reload}>
                  {t('common.retry')}
                </Button>
              }
            />
          )}
          <GraduateBatchTable
            batches={batches.data ?? []}
            loading={batches.loading}
            targetPercent={meta?.graduateRateTargetPercent}
            onOpen={(batch) => setOpenId(batch.id)}
          />
        </Flex>
      </Card>
      <Card size="small">
        <GraduateRatePanel thisYear={thisYear} reloadKey={`${reloadToken}:${version}`} />
      </Card>
      {opening && (
        <OpenBatchModal
          thisYear={thisYear}
          onClose={() => setOpening(false)}
          onOpened={(id) => {
            setOpening(false);
            changed();
            setOpenId(id);
          }}
        />
      )}
      {openBatch && (
        <GraduateBatchDrawer batch={openBatch} targetPercent={meta?.graduateRateTargetPercent} onClose={() => setOpenId(null)} onChanged={changed} />
      )}
    </Flex>
  );
}
