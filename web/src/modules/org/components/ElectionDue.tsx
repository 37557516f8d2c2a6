import { Space, Tag } from 'antd';
import { useT } from '../../../i18n';

/** 换届到期日, with a red 逾期 tag once it has passed. */
export function ElectionDue({ due, overdue }: { due: string | null; overdue: boolean }) {
  const t = useT();
  if (!due) return <>{t('common.none')}</>;
  return (
    <Space size={4} wrap>
      <span>{due}</span>
      {overdue && <Tag color="red">{t('org.overdue')}</Tag>}
    </Space>
  );
}
