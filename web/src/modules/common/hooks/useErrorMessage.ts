import { useCallback } from 'react';
import { isApiError } from '../../../api/client';
import { useLang, useT } from '../../../i18n';

/** Turns anything thrown by an API call into a sentence in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { lang } = useLang();
  const t = useT();
  return useCallback(
    (error) => {
      if (isApiError(error)) return lang === 'en-US' ? error.messageEn : error.messageZh;
      return t('common.unexpectedError');
    },
    [lang, t],
  );
}
