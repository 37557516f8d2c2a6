import { Tag } from 'antd';
import { useTransferMeta } from '../hooks/useTransferMeta';
import { transferStatusColor } from '../utils/status-color';

export function TransferStatusTag({ status }: { status: string }) {
  const { status: label } = useTransferMeta();
  return (
    <Tag color={transferStatusColor(status)} style={{ marginInlineEnd: 0 }}>
      {label(status)}
    </Tag>
  );
}
