import { Type, type TSchema } from 'typebox';

/** The error answer, for the OpenAPI document. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String(),
        message: Type.String(),
        messageEn: Type.String(),
        fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String(), messageEn: Type.String() }))),
        retryAfterSeconds: Type.Optional(Type.Number()),
      },
      { additionalProperties: true },
    ),
    requestId: Type.String(),
  },
  { $id: 'ErrorResponse' },
);

/** Error statuses every authenticated route may answer. */
export function withErrors<T extends Record<number, TSchema>>(ok: T) {
  const error = Type.Ref('ErrorResponse');
  return { ...ok, 400: error, 401: error, 403: error, 404: error, 409: error, 422: error, 429: error, 500: error };
}

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, { additionalProperties: false });

export const NullableString = (options: { maxLength: number; minLength?: number }) => Type.Union([Type.String(options), Type.Null()]);

export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
export const NullableDate = Type.Union([DateString, Type.Null()]);

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};
