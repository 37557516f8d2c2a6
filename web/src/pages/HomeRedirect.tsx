import { Result } from 'antd';
import { Navigate } from 'react-router-dom';
import { useT } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { mayOpen, NAV_ITEMS } from '../modules/common/nav';
import { Workbench } from '../modules/todo/components/Workbench';

/**
 * "/": the 工作台 with the post's 待办 when the post has work that can wait for it; otherwise
 * the first page the post may use (我的团籍 for a member, the audit log for an auditor).
 */
export default function HomeRedirect() {
  const me = useMe();
  const t = useT();
  const first = NAV_ITEMS.find((item) => mayOpen(item, me.permissions));
  if (first?.path === '/') return <Workbench />;
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title={t('common.welcome')} subTitle={t('common.noFeatures')} />;
}
