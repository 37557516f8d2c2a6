import { Result } from 'antd';
import { Navigate } from 'react-router-dom';
import { useT } from '../i18n';
import { useCan } from '../modules/auth/hooks/useSession';
import { NAV_ITEMS } from '../modules/common/nav';

/** "/" opens the first page the current post may use. */
export default function HomeRedirect() {
  const can = useCan();
  const t = useT();
  const first = NAV_ITEMS.find((item) => can(item.permission));
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title={t('common.welcome')} subTitle={t('common.noFeatures')} />;
}
