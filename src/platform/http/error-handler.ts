import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from './app-error.ts';
import { httpStatusOf } from './error-status.ts';
import { fieldErrorsFromAjv } from './validation.ts';

/** The JSON body of every error answer. */
export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    messageEn: string;
    fields?: { field: string; code: string; message: string; messageEn: string }[];
    [extra: string]: unknown;
  };
  requestId: string;
};

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return {
    error: {
      ...error.extra,
      code: error.code,
      message: error.bilingual.zh,
      messageEn: error.bilingual.en,
      ...(error.fields.length > 0
        ? { fields: error.fields.map((f) => ({ field: f.field, code: f.code, message: f.message.zh, messageEn: f.message.en })) }
        : {}),
    },
    requestId,
  };
}

/** Turn whatever was thrown into an AppError; unknown errors become a generic INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError;
  if (e.validation) return new AppError('VALIDATION_FAILED', { fields: fieldErrorsFromAjv(e.validation) });
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('MALFORMED_REQUEST');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (e.statusCode === 429) return new AppError('RATE_LIMITED');
  if (e instanceof SyntaxError || e.statusCode === 400) return new AppError('MALFORMED_REQUEST');
  return new AppError('INTERNAL');
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  const status = httpStatusOf(appError.code);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code }, 'request refused');
  const retryAfter = appError.extra.retryAfterSeconds;
  if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  return reply.status(status).type('application/json; charset=utf-8').send(errorBody(appError, request.id));
}
