import { Tag } from 'antd';
import { useMemberEnums } from '../hooks/useMemberEnums';
import { statusColor } from '../utils/status-color';

/** 团籍状态 as a coloured tag. */
export function MemberStatusTag({ status }: { status: string }) {
  const enums = useMemberEnums();
  return <Tag color={statusColor(status)}>{enums.label('statuses', status)}</Tag>;
}
