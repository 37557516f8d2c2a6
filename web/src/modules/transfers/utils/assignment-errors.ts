import type { FormInstance } from 'antd';
import { isApiError } from '../../../api/client';

const ROW_FIELD = /^assignments\.(\d+)\.(\w+)$/;

/**
 * The server names a row's field as `assignments.3.toOrgId`: those errors go on the cell of that
 * row; the rest (a refusal naming the row and member) is returned as text for the dialog.
 */
export function placeAssignmentErrors(
  form: FormInstance,
  error: unknown,
  lang: string,
  fallback: (error: unknown) => string,
): string | null {
  if (!isApiError(error) || error.fields.length === 0) return fallback(error);
  const unplaced: string[] = [];
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  for (const field of error.fields) {
    const text = lang === 'en-US' ? (field.messageEn ?? field.message) : field.message;
    const match = ROW_FIELD.exec(field.field);
    if (match && ['toOrgId', 'outsideDestination', 'destination', 'note'].includes(match[2]!)) {
      placed.push({ name: ['assignments', Number(match[1]), match[2]!], errors: [text] });
    } else {
      unplaced.push(text);
    }
  }
  form.setFields(placed);
  return unplaced.length > 0 ? unplaced.join('；') : null;
}
