import { Badge, Space } from 'antd';
import type { CardProps } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import type { WorklistCounts, WorklistKey } from '../hooks/useWorklistCounts';

const LABELS: Record<WorklistKey, MessageKey> = {
  all: 'member.worklist.all',
  age_out: 'member.worklist.age_out',
  pending_approval: 'member.worklist.pending_approval',
};

/** The tabs over the table: 全部团员 / 超龄待离团 / 待我审批, each with its count. */
export function useWorklistTabList(keys: readonly WorklistKey[], counts: WorklistCounts): CardProps['tabList'] {
  const t = useT();
  return keys.map((key) => {
    const count = counts[key];
    return {
      key,
      label: (
        <Space size={6}>
          {t(LABELS[key])}
          {count !== undefined && (
            <Badge
              count={count}
              showZero
              overflowCount={999_999}
              // Red only where something waits for this post's decision.
              color={key === 'pending_approval' && count > 0 ? 'red' : '#8c8c8c'}
              style={{ boxShadow: 'none' }}
            />
          )}
        </Space>
      ),
    };
  });
}
