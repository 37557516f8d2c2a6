import { AppError } from '../../platform/http/app-error.ts';

/** A refused transfer step, saying which rule blocks in both languages. */
export function refused(code: string, zh: string, en: string): AppError {
  return new AppError('TRANSFER_REFUSED', { message: { zh, en }, extra: { reason: code } });
}
