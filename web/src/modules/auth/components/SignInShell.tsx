import type { ReactNode } from 'react';
import { useT } from '../../../i18n';
import { BrandMark } from '../../common/components/BrandMark';
import { LanguageSwitch } from '../../common/components/LanguageSwitch';

/** The frame of the pages used before signing in (登录, 激活账号): brand, language switch, one card. */
export function SignInShell({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="tw-login">
      <div className="tw-login-top">
        <LanguageSwitch />
      </div>
      <main className="tw-login-main">
        <div className="tw-login-card">
          <div className="tw-login-heading">
            <BrandMark size={48} />
            <h1>{t('app.name')}</h1>
            <div>{t('app.subtitle')}</div>
          </div>
          {children}
        </div>
      </main>
      <footer className="tw-login-footer">{t('app.footer')}</footer>
    </div>
  );
}
