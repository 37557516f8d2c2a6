import { Badge, Space, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../../i18n';
import type { BoxCounts } from '../hooks/useBoxCounts';
import type { TransferBox } from '../types/transfer';

const LABELS: Record<TransferBox, MessageKey> = {
  todo: 'transfer.box.todo',
  outgoing: 'transfer.box.outgoing',
  incoming: 'transfer.box.incoming',
  all: 'transfer.box.all',
};

type Props = {
  boxes: readonly TransferBox[];
  value: TransferBox;
  counts: BoxCounts;
  onChange: (box: TransferBox) => void;
  /** The toolbar, on the same line as the tabs. */
  extra?: ReactNode;
};

/** 待我审批 / 转出 / 转入 / 全部, each with how many transfers it holds. */
export function TransferBoxTabs({ boxes, value, counts, onChange, extra }: Props) {
  const t = useT();
  return (
    <Tabs
      activeKey={value}
      onChange={(key) => onChange(key as TransferBox)}
      tabBarExtraContent={extra}
      tabBarStyle={{ marginBottom: 0 }}
      items={boxes.map((box) => {
        const count = counts[box];
        return {
          key: box,
          label: (
            <Space size={6}>
              {t(LABELS[box])}
              {count !== undefined && (
                <Badge
                  count={count}
                  showZero
                  overflowCount={999_999}
                  // Red only where something waits for this post's decision.
                  color={box === 'todo' && count > 0 ? 'red' : '#8c8c8c'}
                  style={{ boxShadow: 'none' }}
                />
              )}
            </Space>
          ),
        };
      })}
    />
  );
}
