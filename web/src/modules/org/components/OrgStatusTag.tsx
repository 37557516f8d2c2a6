import { Tag } from 'antd';
import { useT } from '../../../i18n';
import type { OrgStatus } from '../types/org';

export function OrgStatusTag({ status, hideActive = false }: { status: OrgStatus; hideActive?: boolean }) {
  const t = useT();
  if (status === 'inactive') return <Tag>{t('org.inactive')}</Tag>;
  return hideActive ? null : <Tag color="green">{t('org.active')}</Tag>;
}
