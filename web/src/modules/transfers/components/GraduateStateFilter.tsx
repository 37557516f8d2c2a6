import { Badge, Segmented, Space } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import type { GraduateBatch, GraduateState } from '../types/graduate';

export type GraduateFilter = GraduateState | 'all';

const LABELS: Record<GraduateFilter, MessageKey> = {
  unassigned: 'graduate.state.unassigned',
  in_transfer: 'graduate.state.in_transfer',
  settled: 'graduate.state.settled',
  all: 'graduate.state.all',
};

const COUNT_OF: Record<GraduateFilter, (batch: GraduateBatch) => number> = {
  unassigned: (b) => b.unassigned,
  in_transfer: (b) => b.inTransfer,
  settled: (b) => b.settled,
  all: (b) => b.graduates,
};

type Props = { value: GraduateFilter; batch: GraduateBatch; onChange: (value: GraduateFilter) => void };

/** 待分配 / 转接中 / 已落实 / 全部 with the batch's counts. */
export function GraduateStateFilter({ value, batch, onChange }: Props) {
  const t = useT();
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Segmented<GraduateFilter>
        value={value}
        onChange={onChange}
        aria-label={t('graduate.state.label')}
        options={(Object.keys(LABELS) as GraduateFilter[]).map((key) => {
          const count = COUNT_OF[key](batch);
          return {
            value: key,
            label: (
              <Space size={6}>
                {t(LABELS[key])}
                <Badge
                  count={count}
                  showZero
                  overflowCount={999_999}
                  color={key === 'unassigned' && count > 0 ? '#fa8c16' : '#8c8c8c'}
                  style={{ boxShadow: 'none' }}
                />
              </Space>
            ),
          };
        })}
      />
    </div>
  );
}
