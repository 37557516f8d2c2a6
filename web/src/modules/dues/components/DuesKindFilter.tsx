import { Badge, Segmented, Space } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import type { DuesKindCounts } from '../hooks/useDuesKindCounts';
import { DUES_LIST_KINDS, type DuesListKind } from '../types/dues';

export const KIND_LABELS: Record<DuesListKind, MessageKey> = {
  all: 'dues.kind.all',
  paid_up: 'dues.kind.paid_up',
  owing: 'dues.kind.owing',
  lapse: 'dues.kind.lapse',
  unassessed: 'dues.kind.unassessed',
};

type Props = { value: DuesListKind; counts: DuesKindCounts; onChange: (kind: DuesListKind) => void };

/** 全部 / 已交清 / 欠交 / 自行脱团预警 / 未核定标准, each with how many members it holds. */
export function DuesKindFilter({ value, counts, onChange }: Props) {
  const t = useT();
  return (
    // Five choices with their counts are wider than a phone: the row scrolls instead of wrapping.
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Segmented<DuesListKind>
        value={value}
        onChange={onChange}
        aria-label={t('dues.kind.label')}
        options={DUES_LIST_KINDS.map((kind) => {
          const count = counts[kind];
          return {
            value: kind,
            label: (
              <Space size={6}>
                {t(KIND_LABELS[kind])}
                {count !== undefined && (
                  <Badge
                    count={count}
                    showZero
                    overflowCount={999_999}
                    // Red only for the members about to be treated as having left.
                    color={kind === 'lapse' && count > 0 ? 'red' : '#8c8c8c'}
                    style={{ boxShadow: 'none' }}
                  />
                )}
              </Space>
            ),
          };
        })}
      />
    </div>
  );
}
