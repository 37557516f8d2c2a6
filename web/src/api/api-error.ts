/** One invalid field named by the API. */
export type ApiFieldError = {
  field: string;
  code: string;
  message: string;
  messageEn?: string;
};

/** The error body every 4xx/5xx answer carries. */
export type ApiErrorBody = {
  error?: {
    code?: string;
    message?: string;
    messageEn?: string;
    fields?: ApiFieldError[];
    retryAfterSeconds?: number;
  };
  requestId?: string;
};

/** A failed API call, with the server's bilingual message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly fields: ApiFieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;
  /** Fields the server adds for this kind of error, e.g. the id of the plan a conflict names. */
  readonly extra: Record<string, unknown>;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    messageEn?: string;
    fields?: ApiFieldError[];
    retryAfterSeconds?: number;
    requestId?: string;
    extra?: Record<string, unknown>;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.messageZh = options.message;
    this.messageEn = options.messageEn ?? options.message;
    this.fields = options.fields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.requestId = options.requestId;
    this.extra = options.extra ?? {};
  }

  static fromBody(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
    const parsed = (body ?? {}) as ApiErrorBody;
    const err = parsed.error;
    if (!err?.code || !err.message) {
      return new ApiError({
        status,
        code: `HTTP_${status}`,
        message: `服务器返回错误（${status}），请稍后重试`,
        messageEn: `The server answered with an error (${status}); please try again later`,
        requestId: parsed.requestId,
      });
    }
    const headerSeconds = retryAfterHeader ? Number(retryAfterHeader) : NaN;
    const { code: _code, message: _message, messageEn: _messageEn, fields: _fields, ...extra } = err as Record<string, unknown>;
    return new ApiError({
      status,
      code: err.code,
      message: err.message,
      messageEn: err.messageEn,
      fields: Array.isArray(err.fields) ? err.fields : [],
      retryAfterSeconds:
        err.retryAfterSeconds ?? (Number.isFinite(headerSeconds) ? headerSeconds : undefined),
      requestId: parsed.requestId,
      extra,
    });
  }

  static network(): ApiError {
    return new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      message: '无法连接服务器，请检查网络后重试',
      messageEn: 'Cannot reach the server; check the network and try again',
    });
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export function isAbortError(value: unknown): boolean {
  return value instanceof DOMException && value.name === 'AbortError';
}
