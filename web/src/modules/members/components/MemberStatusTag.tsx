import { Tag } from 'antd';
import { useMemberEnums } from '../hooks/useMemberEnums';

// 正常 green, anything awaiting the parent org's approval gold, 开除团籍 red, a completed exit grey.
function colorOf(status: string): string | undefined {
  if (status === 'normal') return 'green';
  if (status.endsWith('_pending')) return 'gold';
  if (status === 'expelled') return 'red';
  return undefined;
}

/** 团籍状态 as a coloured tag. */
export function MemberStatusTag({ status }: { status: string }) {
  const enums = useMemberEnums();
  return <Tag color={colorOf(status)}>{enums.label('statuses', status)}</Tag>;
}
