import { invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import { parseResidentId, ageOn } from './resident-id.ts';
import { isCalendarDate } from '../../platform/time/china-date.ts';

/** Fields a caller may set on a member record. */
export type MemberFields = {
  name?: string;
  idType?: string;
  idNumber?: string;
  birthDate?: string | null;
  sex?: string | null;
  ethnicity?: string;
  politicalStatus?: string;
  educationFullTime?: string | null;
  educationHighest?: string | null;
  occupation?: string;
  incomeBand?: string | null;
  joinedLeagueOn?: string;
  developmentNumber?: string | null;
  leaguePost?: string | null;
  isCadre?: boolean;
  cadreNature?: string | null;
  phone?: string | null;
  joinedPartyOn?: string | null;
  volunteerRegisteredOn?: string | null;
  household?: string | null;
  workplace?: string | null;
};

/** The identity a member record ends up with after the checks. */
export type CheckedIdentity = { idType: string; idNumber: string; birthDate: string; sex: 'male' | 'female' };

const NAME_PATTERN = /^[\p{Script=Han}A-Za-z·• ]{2,30}$/u;
const FOREIGN_ID_PATTERN = /^[A-Za-z0-9()（）-]{5,30}$/;
const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const msg = (zh: string, en: string) => ({ zh, en });

/**
 * The checks the JSON schema cannot express, against the record as it will be after the change
 * (`current` holds the stored values an update leaves alone). Throws one error naming every bad field.
 */
export function checkMemberFields(
  input: MemberFields,
  current: { idType: string; birthDate: string; sex: 'male' | 'female'; joinedLeagueOn: string; isCadre: boolean } | null,
  today: string,
): { fields: MemberFields; identity: CheckedIdentity | null } {
  const errors: FieldError[] = [];
  const fields: MemberFields = { ...input };
  const add = (field: string, code: string, message: { zh: string; en: string }) => errors.push({ field, code, message });

  if (fields.name !== undefined) {
    fields.name = fields.name.trim().replace(/\s+/g, ' ');
    if (!NAME_PATTERN.test(fields.name)) add('name', 'invalid_name', msg('姓名应为2至30个汉字或字母（可含间隔号·）', 'must be 2–30 Chinese characters or letters (a middle dot is allowed)'));
  }

  let identity: CheckedIdentity | null = null;
  const idType = fields.idType ?? current?.idType ?? 'resident';
  if (fields.idNumber !== undefined || fields.idType !== undefined) {
    if (fields.idNumber === undefined) {
      add('idNumber', 'required', msg('更改证件类型时须同时填写证件号码', 'give the document number when changing its type'));
    } else if (idType === 'resident') {
      const parsed = parseResidentId(fields.idNumber, today);
      if (!parsed.ok) {
        for (const problem of parsed.problems) add('idNumber', problem.code, { zh: problem.zh, en: problem.en });
      } else {
        identity = { idType, idNumber: parsed.value.number, birthDate: parsed.value.birthDate, sex: parsed.value.sex };
        if (fields.birthDate && fields.birthDate !== identity.birthDate) add('birthDate', 'derived_from_id', msg('出生日期由身份证号码确定，无需填写', 'is taken from the ID number; leave it out'));
        if (fields.sex && fields.sex !== identity.sex) add('sex', 'derived_from_id', msg('性别由身份证号码确定，无需填写', 'is taken from the ID number; leave it out'));
      }
    } else {
      const number = fields.idNumber.trim().toUpperCase();
      if (!FOREIGN_ID_PATTERN.test(number)) add('idNumber', 'invalid_foreign_id', msg('境外证件号码应为5至30位字母或数字', 'must be 5–30 letters or digits'));
      if (!fields.birthDate) add('birthDate', 'required', msg('境外证件须填写出生日期', 'is required for a document issued outside the mainland'));
      else if (!isCalendarDate(fields.birthDate) || fields.birthDate > today) add('birthDate', 'invalid_date', msg('不是有效的出生日期', 'is not a valid birth date'));
      if (fields.sex !== 'male' && fields.sex !== 'female') add('sex', 'required', msg('境外证件须填写性别', 'is required for a document issued outside the mainland'));
      if (errors.length === 0) identity = { idType, idNumber: number, birthDate: fields.birthDate!, sex: fields.sex as 'male' | 'female' };
    }
  } else if (fields.birthDate !== undefined || fields.sex !== undefined) {
    if (idType === 'resident') {
      add(fields.birthDate !== undefined ? 'birthDate' : 'sex', 'derived_from_id', msg('由身份证号码确定，不能单独修改', 'is taken from the ID number and cannot be changed on its own'));
    } else {
      // A document from outside the mainland does not encode them, so they are edited directly.
      if (fields.birthDate !== undefined && (!fields.birthDate || !isCalendarDate(fields.birthDate) || fields.birthDate > today)) {
        add('birthDate', 'invalid_date', msg('不是有效的出生日期', 'is not a valid birth date'));
      }
      if (fields.sex !== undefined && fields.sex !== 'male' && fields.sex !== 'female') add('sex', 'required', msg('请选择性别', 'choose male or female'));
    }
  }

  const birthDate = identity?.birthDate ?? (idType === 'foreign' ? fields.birthDate : undefined) ?? current?.birthDate;
  const joined = fields.joinedLeagueOn ?? current?.joinedLeagueOn;
  if (fields.joinedLeagueOn !== undefined || identity || (idType === 'foreign' && fields.birthDate)) {
    if (!joined || !MONTH_PATTERN.test(joined)) {
      add('joinedLeagueOn', 'invalid_month', msg('入团年月格式应为 YYYY-MM', 'must be YYYY-MM'));
    } else if (joined > today.slice(0, 7)) {
      add('joinedLeagueOn', 'future_month', msg('入团年月不能晚于本月', 'must not be in the future'));
    } else if (birthDate) {
      const joinYear = Number(joined.slice(0, 4));
      const minimum = joinYear >= rule('membership.minJoinAgeRuleYear') ? rule('membership.minJoinAge') : rule('membership.minJoinAgeBefore2017');
      // The age on the last day of the joining month is the most favourable reading of a month-only date.
      if (ageOn(birthDate, lastDayOf(joined)) < minimum) {
        add('joinedLeagueOn', 'too_young', msg(`入团时应年满${minimum}周岁，请核对入团年月和出生日期`, `the member must have been at least ${minimum} when joining; check the month and the birth date`));
      }
    }
  }

  if (fields.developmentNumber) {
    const number = fields.developmentNumber.trim();
    fields.developmentNumber = number;
    if (!/^\d{12}$/.test(number)) add('developmentNumber', 'pattern', msg('团员编号应为12位数字', 'must be 12 digits'));
    else if (joined && number.slice(0, 4) !== joined.slice(0, 4)) add('developmentNumber', 'year_mismatch', msg(`团员编号前4位应为入团年份${joined.slice(0, 4)}`, `must start with the joining year ${joined.slice(0, 4)}`));
  }
  if (fields.phone) {
    fields.phone = fields.phone.replace(/[\s-]/g, '');
    if (!MOBILE_PATTERN.test(fields.phone)) add('phone', 'invalid_phone', msg('请填写11位手机号码', 'must be an 11-digit mobile number'));
  }
  for (const key of ['joinedPartyOn'] as const) {
    const value = fields[key];
    if (value && (!MONTH_PATTERN.test(value) || value > today.slice(0, 7))) add(key, 'invalid_month', msg('应为不晚于本月的年月（YYYY-MM）', 'must be a month (YYYY-MM) not in the future'));
  }
  if (fields.volunteerRegisteredOn && (!isCalendarDate(fields.volunteerRegisteredOn) || fields.volunteerRegisteredOn > today)) {
    add('volunteerRegisteredOn', 'invalid_date', msg('应为不晚于今天的日期', 'must be a date not in the future'));
  }
  const isCadre = fields.isCadre ?? current?.isCadre ?? false;
  if (fields.cadreNature && !isCadre) add('cadreNature', 'not_a_cadre', msg('不是团干部时不填团干部性质', 'only for league cadres'));
  for (const key of ['household', 'workplace'] as const) {
    const value = fields[key];
    if (value && /[<>]/.test(value)) add(key, 'invalid_characters', msg('不能包含尖括号', 'must not contain angle brackets'));
  }

  if (errors.length > 0) throw invalidFields(errors);
  return { fields, identity };
}


function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}
