import { invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import { findRegion } from './region.ts';
import { isCalendarDate } from '../../platform/time/china-date.ts';

/** Fields a caller may set on an organization. */
export type OrgFields = {
  name?: string;
  shortName?: string | null;
  type?: string;
  kind?: string;
  industryCategory?: string;
  regionCode?: string | null;
  foundedOn?: string | null;
  lastElectionOn?: string | null;
  termYears?: number | null;
  contactName?: string | null;
  contactPhone?: string | null;
};

// Han characters, Latin letters, digits, inner spaces and the punctuation real organization
// names use. Anything else (quotes, semicolons, angle brackets) is refused, not escaped.
const NAME_PATTERN = /^[\p{Script=Han}A-Za-z0-9 （）()·\-—－、.．&＆《》“”#＃_]+$/u;
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Semantic checks the JSON schema cannot express; throws one error naming every bad field. */
export function checkOrgFields(fields: OrgFields, today = new Date().toISOString().slice(0, 10)): OrgFields {
  const errors: FieldError[] = [];
  const out: OrgFields = { ...fields };
  for (const key of ['name', 'shortName'] as const) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    const trimmed = value.trim().replace(/\s+/g, ' ');
    out[key] = trimmed;
    if (trimmed.length === 0) {
      errors.push({ field: key, code: 'required', message: { zh: '不能为空', en: 'must not be empty' } });
    } else if (!NAME_PATTERN.test(trimmed)) {
      errors.push({
        field: key,
        code: 'invalid_characters',
        message: {
          zh: '只能包含汉字、字母、数字、空格和（）·-、.&《》“”#等常用符号',
          en: 'may contain only Chinese characters, letters, digits, spaces and common punctuation',
        },
      });
    }
  }
  if (fields.regionCode && !findRegion(fields.regionCode)) {
    errors.push({ field: 'regionCode', code: 'unknown_region', message: { zh: '不是有效的四川省行政区划代码', en: 'is not a Sichuan administrative division code' } });
  }
  for (const key of ['foundedOn', 'lastElectionOn'] as const) {
    const value = fields[key];
    if (!value) continue;
    if (!isCalendarDate(value)) {
      errors.push({ field: key, code: 'invalid_date', message: { zh: '不是有效日期（格式 YYYY-MM-DD）', en: 'is not a valid date (YYYY-MM-DD)' } });
    } else if (value > today) {
      errors.push({ field: key, code: 'future_date', message: { zh: '不能晚于今天', en: 'must not be in the future' } });
    }
  }
  if (fields.termYears !== undefined && fields.termYears !== null && (fields.termYears < 1 || fields.termYears > rule('org.maxTermYears'))) {
    errors.push({ field: 'termYears', code: 'out_of_range', message: { zh: `任期应为1至${rule('org.maxTermYears')}年`, en: `must be 1 to ${rule('org.maxTermYears')} years` } });
  }
  if (fields.contactPhone) {
    const phone = fields.contactPhone.replace(/\s/g, '');
    out.contactPhone = phone;
    if (!PHONE_PATTERN.test(phone)) {
      errors.push({ field: 'contactPhone', code: 'invalid_phone', message: { zh: '请填写11位手机号或带区号的固定电话', en: 'must be an 11-digit mobile number or a landline with area code' } });
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
  return out;
}

