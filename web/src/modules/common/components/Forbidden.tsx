import { Result } from 'antd';
import { useT } from '../../../i18n';

export function Forbidden() {
  const t = useT();
  return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
}
