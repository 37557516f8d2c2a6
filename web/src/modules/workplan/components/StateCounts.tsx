import { Badge, Flex } from 'antd';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import { TASK_STATES, type StateCounts as Counts } from '../types/workplan';
import { STATE_COLOR } from '../utils/state-look';

/** 已完成 · 正常推进 · 进度滞后 · 逾期未完成, each with its count in its colour. */
export function StateCounts({ states, size = 'default' }: { states: Counts; size?: 'default' | 'large' }) {
  const { state } = useWorkplanMeta();
  return (
    <Flex wrap gap={size === 'large' ? 16 : 10} aria-label={TASK_STATES.map((s) => `${state(s)} ${states[s]}`).join('，')}>
      {TASK_STATES.map((s) => (
        <Badge
          key={s}
          color={STATE_COLOR[s]}
          text={
            <span style={{ whiteSpace: 'nowrap', fontSize: size === 'large' ? 14 : 13 }}>
              {state(s)} <strong style={{ color: states[s] > 0 ? STATE_COLOR[s] : undefined }}>{states[s]}</strong>
            </span>
          }
        />
      ))}
    </Flex>
  );
}
