import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdEnUS from 'antd/es/locale/en_US';
import antdZhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { appTheme } from '../modules/common/theme';
import { LanguageContext, type LanguageState } from './LanguageContext';
import { readStoredLang, storeLang, type Lang } from './language';
import { translatorFor } from './translate';

/** Holds the UI language and switches antd's locale and dayjs's locale with it. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  const value = useMemo<LanguageState>(
    () => ({
      lang,
      setLang: (next) => {
        storeLang(next);
        setLangState(next);
      },
      t: translatorFor(lang),
    }),
    [lang],
  );

  const theme = useMemo(() => appTheme(lang), [lang]);

  useEffect(() => {
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang;
    document.title = value.t('app.title');
  }, [lang, value]);

  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider locale={lang === 'zh-CN' ? antdZhCN : antdEnUS} theme={theme}>
        {children}
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}
