import { useState } from 'react';
import { Alert, App, Button, Empty, Skeleton } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { openCycle } from '../api/evaluation-api';
import { useCycles } from '../hooks/useCycles';
import { CycleView } from './CycleView';

type Props = {
  branch: { id: number; name: string };
  year: number;
};

/** A branch's cycle for the year, or the way to open it when there is none yet. */
export function BranchCyclePanel({ branch, year }: Props) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const cycles = useCycles(year, branch.id, undefined);
  const [opening, setOpening] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The branch's own cycle: the list of its subtree holds at most this one.
  const cycle = cycles.data?.find((c) => c.orgId === branch.id && c.year === year);

  const open = async () => {
    setOpening(true);
    setRefusal(null);
    try {
      await openCycle(branch.id, year);
      message.success(t('evaluation.opened', { name: branch.name, year }));
      cycles.reload();
    } catch (err) {
      setRefusal(errorMessage(err));
    } finally {
      setOpening(false);
    }
  };

  if (cycles.error !== null) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(cycles.error)}
        action={
          <Button size="small" onClick={cycles.reload}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!cycles.data) return <Skeleton active />;
  if (cycle) return <CycleView cycleId={cycle.id} />;
  return (
    <Empty description={t('evaluation.notOpened', { name: branch.name, year })}>
      {can('evaluation.manage') && (
        <Button type="primary" icon={<PlayCircleOutlined />} loading={opening} onClick={() => void open()}>
          {t('evaluation.open', { year })}
        </Button>
      )}
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} style={{ marginTop: 12, textAlign: 'start' }} />}
    </Empty>
  );
}
