import { Space, Tag, Tooltip } from 'antd';
import { useT } from '../../../i18n';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { TaskState } from '../types/workplan';
import { STATE_TAG_COLOR } from '../utils/state-look';

/** The state as a coloured tag, with 未报送 beside it when no report came for too long. */
export function TaskStateTag({ state, stale = false }: { state: TaskState; stale?: boolean }) {
  const t = useT();
  const { state: label, meta } = useWorkplanMeta();
  return (
    <Space size={4} wrap>
      <Tag color={STATE_TAG_COLOR[state]} style={{ marginInlineEnd: 0 }}>
        {label(state)}
      </Tag>
      {stale && (
        <Tooltip title={t('workplan.stale.tip', { days: meta?.rules.reportStaleDays ?? 40 })}>
          <Tag color="magenta" style={{ marginInlineEnd: 0 }}>
            {t('workplan.stale')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
