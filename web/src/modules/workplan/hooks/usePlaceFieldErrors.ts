import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import { isApiError } from '../../../api/client';
import { useLang } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';

type NamePath = string | (string | number)[];

/**
 * Puts the API's per-field errors on the form items `nameOf` finds for them (an indexed field such
 * as `figures[0].value` can map to the item of that figure). Returns the text still to show, or
 * null when every error found its item.
 */
export function usePlaceFieldErrors(): (form: FormInstance, error: unknown, nameOf: (field: string) => NamePath | null) => string | null {
  const { lang } = useLang();
  const errorMessage = useErrorMessage();
  return useCallback(
    (form, error, nameOf) => {
      if (!isApiError(error) || error.fields.length === 0) return errorMessage(error);
      const placed = new Map<string, { name: NamePath; errors: string[] }>();
      const unplaced: string[] = [];
      for (const field of error.fields) {
        const text = lang === 'en-US' ? (field.messageEn ?? field.message) : field.message;
        const name = nameOf(field.field);
        if (name === null) {
          unplaced.push(text);
          continue;
        }
        const key = JSON.stringify(name);
        const entry = placed.get(key) ?? { name, errors: [] };
        entry.errors.push(text);
        placed.set(key, entry);
      }
      const entries = [...placed.values()];
      form.setFields(entries.map(({ name, errors }) => ({ name, errors })));
      if (entries[0]) form.scrollToField(entries[0].name);
      return unplaced.length > 0 ? unplaced.join('；') : null;
    },
    [lang, errorMessage],
  );
}
