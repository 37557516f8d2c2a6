import { Segmented } from 'antd';
import { useLang, useT, type Lang } from '../../../i18n';

/** 中 / EN toggle; the choice is remembered on this device. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Segmented<Lang>
      aria-label={t('lang.switch')}
      size={size}
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en-US' },
      ]}
    />
  );
}
