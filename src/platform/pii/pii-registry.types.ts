import type { Database } from '../db/schema.ts';
import type { RuleKey } from '../rules/rules.ts';
import type { BlindIndexPurpose } from './crypto-profile.ts';

/** What kind of personal information a column holds (个人信息类别). */
export type PersonalDataCategory =
  | 'identity_number' // 身份证件号码
  | 'phone' // 手机号码
  | 'name' // 姓名
  | 'birth_date' // 出生日期
  | 'sex' // 性别
  | 'ethnicity' // 民族
  | 'political_status' // 政治面貌、入党
  | 'education' // 学历
  | 'work' // 职业、工作单位
  | 'address' // 户籍、住址、去向
  | 'income' // 收入
  | 'membership_record' // 团籍、团内职务、发展、评议、团费记录
  | 'free_text' // 关于某人的自由文本（理由、说明、证明材料、异议）
  | 'account' // 账号（用户名），含办理人留痕
  | 'credential' // 鉴别信息（口令散列）
  | 'network' // IP 地址
  | 'activity'; // 登录等使用记录

/**
 * Legal basis (PIPL Art. 13 ¶1). The League's processing of member, applicant and transfer records
 * is taken to rest on its statutory and organizational duty under the League constitution and the
 * Party's rules (履行法定职责, Art. 13 ¶1(3), and Arts. 33–37 for bodies managing public affairs):
 * to be confirmed by counsel (DOMAIN §12 LAW-02), because if the 团委 does not fall under those
 * articles, consent or contract becomes the basis and registration needs a consent record.
 */
export type LegalBasis =
  | 'statutory_duty' // 为履行法定职责或者法定义务所必需 (Art. 13 ¶1(3)); also the audit log's legal obligation
  | 'consent' // 取得个人的同意 (Art. 13 ¶1(1))
  | 'contract' // 为订立、履行个人作为一方当事人的合同所必需 (Art. 13 ¶1(2), first half)
  | 'hr_management' // 按照依法制定的劳动规章制度…实施人力资源管理所必需 (Art. 13 ¶1(2), second half): staff accounts
  | 'emergency' // 为应对突发公共卫生事件，或者紧急情况下为保护自然人的生命健康和财产安全所必需 (Art. 13 ¶1(4))
  | 'public_interest'; // 为公共利益实施新闻报道、舆论监督等行为 (Art. 13 ¶1(5))

/** How a column is kept at rest. */
export type Protection =
  | 'encrypted' // field cipher of the configured profile (rotate-field-keys.ts rewrites it)
  | 'blind_index' // keyed HMAC of an encrypted column, for exact lookup (recomputed by a rotation)
  | 'masked_copy' // a masked copy for lists ('510***********123X'), safe to show in scope
  | 'hashed' // one-way (scrypt for passwords)
  | 'plain'; // in clear, protected by data scopes and the audit log

/** How lists and exports show it: masked, in full to posts whose scope covers it, or never. */
export type ListDisplay = 'masked' | 'shown' | 'not_shown';

/** How long it is kept (LAW-01): the rule number it follows when there is one, and in words. */
export type Retention = { rule?: RuleKey; text: string };

/** One personal-data column, typed against the schema so that a renamed column fails to compile. */
export type PersonalDataColumn = {
  [T in keyof Database & string]: {
    table: T;
    column: keyof Database[T] & string;
    category: PersonalDataCategory;
    /** Why it is collected (PIPL Art. 6: the minimum for this purpose). */
    purpose: string;
    legalBasis: LegalBasis;
    retention: Retention;
    protection: Protection;
    inLists: ListDisplay;
    /** For a blind index: the encrypted column of the same row it is computed from, and its index space. */
    indexOf?: { column: keyof Database[T] & string; purpose: BlindIndexPurpose };
  };
}[keyof Database & string];

/** A column whose name looks personal but which is not, with the reason (read by the registry meta-test). */
export type NotPersonalColumn = {
  [T in keyof Database & string]: { table: T; column: keyof Database[T] & string; why: string };
}[keyof Database & string];
