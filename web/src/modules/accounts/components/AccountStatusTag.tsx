import { Tag } from 'antd';
import { useT } from '../../../i18n';
import type { AccountStatus } from '../types/account';

const COLORS: Record<AccountStatus, string> = { pending: 'gold', active: 'green', disabled: 'default' };

export function AccountStatusTag({ status }: { status: AccountStatus }) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t(`accounts.status.${status}`)}</Tag>;
}
