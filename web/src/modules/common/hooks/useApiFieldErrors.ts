import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import { isApiError } from '../../../api/client';
import { useLang } from '../../../i18n';
import { useErrorMessage } from './useErrorMessage';

/**
 * Puts the API's per-field errors on the form items of the same name (`formFields`).
 * Returns the text still to show in a message, or null when every error found its item.
 */
export function useApiFieldErrors(): (
  form: FormInstance,
  error: unknown,
  formFields: readonly string[],
) => string | null {
  const { lang } = useLang();
  const errorMessage = useErrorMessage();
  return useCallback(
    (form, error, formFields) => {
      if (!isApiError(error) || error.fields.length === 0) return errorMessage(error);
      const placed = new Map<string, string[]>();
      const unplaced: string[] = [];
      for (const field of error.fields) {
        const text = lang === 'en-US' ? (field.messageEn ?? field.message) : field.message;
        if (formFields.includes(field.field)) {
          placed.set(field.field, [...(placed.get(field.field) ?? []), text]);
        } else {
          unplaced.push(text);
        }
      }
      form.setFields([...placed].map(([name, errors]) => ({ name, errors })));
      const first = [...placed.keys()][0];
      if (first) form.scrollToField(first);
      return unplaced.length > 0 ? unplaced.join('；') : null;
    },
    [lang, errorMessage],
  );
}
