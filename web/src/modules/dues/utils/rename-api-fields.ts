import { ApiError, isApiError } from '../../../api/client';

/**
 * The same error with some field names swapped, for forms whose items differ from the API's
 * fields: an amount typed in 元 (`extraYuan`) answers for the API's fen (`extraFen`).
 */
export function renameApiFields(error: unknown, names: Record<string, string>): unknown {
  if (!isApiError(error) || error.fields.length === 0) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.messageZh,
    messageEn: error.messageEn,
    fields: error.fields.map((field) => ({ ...field, field: names[field.field] ?? field.field })),
    retryAfterSeconds: error.retryAfterSeconds,
    requestId: error.requestId,
  });
}
