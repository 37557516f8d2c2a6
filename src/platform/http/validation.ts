import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from './app-error.ts';

// Bodies are taken exactly as sent: no type coercion and no silent removal of unknown fields,
// so a wrong type or an unexpected field is an error the caller sees.
const bodyAjv = addFormats.default(new Ajv.default({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: true, strict: false }));
// Query strings and path parameters arrive as text and are coerced to the declared types.
const paramsAjv = addFormats.default(new Ajv.default({ allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true, strict: false }));

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : paramsAjv;
  const validate = ajv.compile(schema as object);
  const s = schema as { type?: string; required?: string[] };
  // An action whose body has no required field (logout, reactivate) may be posted without one.
  if (httpPart === 'body' && s.type === 'object' && !s.required?.length) {
    const optional = (data: unknown) => (data === undefined || data === null ? true : validate(data));
    Object.defineProperty(optional, 'errors', { get: () => validate.errors });
    return optional as unknown as ReturnType<FastifySchemaCompiler<unknown>>;
  }
  return validate as ReturnType<FastifySchemaCompiler<unknown>>;
};

/** Per-field messages, Chinese and English, for the schema errors of one request part. */
export function fieldErrorsFromAjv(errors: readonly Partial<ErrorObject>[]): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const params = (error.params ?? {}) as Record<string, unknown>;
    const base = (error.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    let field = base;
    if (error.keyword === 'required') field = joinPath(base, String(params.missingProperty));
    if (error.keyword === 'additionalProperties') field = joinPath(base, String(params.additionalProperty));
    const key = `${field}:${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ field: field || '(body)', code: error.keyword ?? 'invalid', message: messageFor(error.keyword ?? '', params) });
  }
  return result;
}

function joinPath(base: string, child: string): string {
  return base ? `${base}.${child}` : child;
}

const TYPE_NAMES: Record<string, string> = { string: '文本', integer: '整数', number: '数字', boolean: '布尔值', object: '对象', array: '数组', null: '空值' };

function messageFor(keyword: string, params: Record<string, unknown>): { zh: string; en: string } {
  switch (keyword) {
    case 'required':
      return { zh: '必填', en: 'is required' };
    case 'additionalProperties':
      return { zh: '不允许的字段', en: 'is not an allowed field' };
    case 'type': {
      const types = String(params.type ?? '').split(',');
      return { zh: `类型错误，应为${types.map((t) => TYPE_NAMES[t] ?? t).join('或')}`, en: `must be ${types.join(' or ')}` };
    }
    case 'maxLength':
      return { zh: `不能超过${params.limit}个字符`, en: `must be at most ${params.limit} characters` };
    case 'minLength':
      return Number(params.limit) <= 1 ? { zh: '不能为空', en: 'must not be empty' } : { zh: `至少${params.limit}个字符`, en: `must be at least ${params.limit} characters` };
    case 'pattern':
    case 'format':
      return { zh: '格式不正确', en: 'has the wrong format' };
    case 'enum':
    case 'const':
    case 'anyOf':
      return { zh: '不是允许的取值', en: 'is not an allowed value' };
    case 'minimum':
      return { zh: `不能小于${params.limit}`, en: `must be at least ${params.limit}` };
    case 'maximum':
      return { zh: `不能大于${params.limit}`, en: `must be at most ${params.limit}` };
    case 'maxItems':
      return { zh: `最多${params.limit}项`, en: `at most ${params.limit} items` };
    case 'minItems':
      return { zh: `至少${params.limit}项`, en: `at least ${params.limit} items` };
    default:
      return { zh: '取值无效', en: 'is invalid' };
  }
}
