import type { NotPersonalColumn, PersonalDataColumn, Retention } from './pii-registry.types.ts';

/**
 * 个人信息登记表 (DOMAIN §12 DB-17, LAW-01): every column of the schema that holds personal
 * information, with its category, purpose, legal basis, retention, protection at rest and how
 * lists show it. Data only: the registry meta-test compares it with the live schema on both
 * engines, and a key rotation rewrites the columns marked encrypted or blind-indexed here.
 *
 * Legal basis: the League's member, applicant and transfer records are processed under its
 * statutory and organizational duty (PIPL Art. 13 ¶1(3)); to be confirmed by counsel (LAW-02).
 * Retention: `tuanwu retention run` (daily in the server) anonymizes member records past
 * privacy.memberRetentionYears, stopped applications past privacy.stoppedApplicantRetentionYears,
 * and purges the audit log past audit.retentionDays; the other texts
 * say what the record's life is today.
 */

const MEMBER_RECORD: Retention = {
  rule: 'privacy.memberRetentionYears',
  text: '团籍存续期间；离团或转出省外满规定年数后由保存期限任务匿名化（tuanwu retention run，LAW-01） / while the person holds 团籍; anonymized by the retention job the set number of years after leaving the League or the province',
};
const APPLICANT_RECORD: Retention = {
  rule: 'privacy.stoppedApplicantRetentionYears',
  text: '发展过程中；被接收后随团员档案保存；申请中止满规定年数后由保存期限任务匿名化（姓名、证件号、手机号、出生月日、纪实、公示异议，tuanwu retention run，LAW-01） / while the application runs; an admitted applicant\'s record stays with the member\'s; a stopped application is anonymized by the retention job the set number of years after the stop',
};
const TRANSFER_RECORD: Retention = { text: '随转接记录保存（全过程纪实） / kept with the transfer record' };
const DUES_RECORD: Retention = { text: '随团费收缴记录保存（财务凭证） / kept with the dues record (a financial record)' };
const AUDIT_RECORD: Retention = {
  rule: 'audit.retentionDays',
  text: '不少于六个月，不得修改（网络安全法第21条第3项，DOMAIN §12 DB-10） / at least six months, never edited (Cybersecurity Law Art. 21(3))',
};
const ACCOUNT_RECORD: Retention = { text: '账号存续期间 / while the account exists' };
const INCIDENT_RECORD: Retention = { text: '随安全事件登记长期保存（应急预案的复盘和年度合规审计证据），不随保存期限任务清除 / kept with the incident register (evidence for reviews and the yearly compliance audit); not purged by the retention job' };

const STATUTORY = 'statutory_duty' as const;
const WHO_DID_IT = '办理人留痕，追溯责任 / who recorded it, for accountability';

export const PII_REGISTRY: readonly PersonalDataColumn[] = [
  // 团员 (member): the League's membership register.
  { table: 'member', column: 'name', category: 'name', purpose: '团员身份与名册 / the membership register', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'name_initials', category: 'name', purpose: '按拼音首字母检索 / search by pinyin initials', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'not_shown' },
  { table: 'member', column: 'id_type', category: 'identity_number', purpose: '证件类型 / kind of identity document', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'id_number_enc', category: 'identity_number', purpose: '唯一识别团员、核验年龄（GB 11643） / identify the member uniquely, check the age', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'encrypted', inLists: 'masked' },
  { table: 'member', column: 'id_number_index', category: 'identity_number', purpose: '按证件号精确查找、查重 / exact lookup and duplicate check', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'blind_index', inLists: 'not_shown', indexOf: { column: 'id_number_enc', purpose: 'resident_id' } },
  { table: 'member', column: 'id_number_masked', category: 'identity_number', purpose: '列表中辨认团员 / recognize the member in lists', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'masked_copy', inLists: 'masked' },
  { table: 'member', column: 'birth_date', category: 'birth_date', purpose: '年龄条件（入团、超龄离团） / age rules (joining, the age limit)', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'sex', category: 'sex', purpose: '团员统计 / membership statistics', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'ethnicity', category: 'ethnicity', purpose: '团员统计（智慧团建必填项） / membership statistics', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'political_status', category: 'political_status', purpose: '保留团籍的党员不参加评议 / Party members keeping 团籍 are not evaluated', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'joined_party_on', category: 'political_status', purpose: '保留团籍的党员 / Party members keeping 团籍', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'education_full_time', category: 'education', purpose: '团员统计 / membership statistics', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'education_highest', category: 'education', purpose: '团员统计 / membership statistics', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'occupation', category: 'work', purpose: '团员统计、团费标准 / statistics, dues category', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'workplace', category: 'work', purpose: '组织关系接转 / where to transfer the membership', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'household', category: 'address', purpose: '户籍所在地，组织关系接转 / registered residence, for transfers', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'income_band', category: 'income', purpose: '按收入核定团费 / dues by income', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'phone_enc', category: 'phone', purpose: '联系团员 / reach the member', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'encrypted', inLists: 'masked' },
  { table: 'member', column: 'phone_index', category: 'phone', purpose: '按手机号精确查找 / exact lookup', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'blind_index', inLists: 'not_shown', indexOf: { column: 'phone_enc', purpose: 'phone' } },
  { table: 'member', column: 'phone_masked', category: 'phone', purpose: '列表中辨认团员 / recognize the member in lists', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'masked_copy', inLists: 'masked' },
  { table: 'member', column: 'joined_league_on', category: 'membership_record', purpose: '团龄、团籍 / membership history', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'development_number', category: 'membership_record', purpose: '团员编号 / membership number', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'league_post', category: 'membership_record', purpose: '团内职务 / League post', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'is_cadre', category: 'membership_record', purpose: '团干部统计 / cadre statistics', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'cadre_nature', category: 'membership_record', purpose: '团干部统计 / cadre statistics', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'volunteer_registered_on', category: 'membership_record', purpose: '注册志愿者统计 / volunteer statistics', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'status', category: 'membership_record', purpose: '团籍状态 / membership status', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'dues_monthly_fen', category: 'income', purpose: '团费 / dues', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member', column: 'dues_paid_through', category: 'membership_record', purpose: '团费欠缴 / dues arrears', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member_status_change', column: 'reason', category: 'free_text', purpose: '团籍变动的理由 / why the status changed', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'member_status_change', column: 'actor_username', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'evaluation_entry', column: 'exempt', category: 'political_status', purpose: '党员只注册不评议 / Party members are registered, not evaluated', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'evaluation_entry', column: 'registration', category: 'membership_record', purpose: '团籍注册 / yearly registration', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'evaluation_entry', column: 'defer_until', category: 'membership_record', purpose: '暂缓注册 / deferred registration', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'evaluation_entry', column: 'grade', category: 'membership_record', purpose: '教育评议等次 / evaluation grade', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'evaluation_entry', column: 'correction_until', category: 'membership_record', purpose: '限期改正 / correction period', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'evaluation_entry', column: 'note', category: 'free_text', purpose: '评议说明 / note on the evaluation', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },

  // 入团申请人 (applicant): someone on the way through the ten steps of 团员发展.
  { table: 'applicant', column: 'name', category: 'name', purpose: '发展对象身份 / who applies', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant', column: 'id_type', category: 'identity_number', purpose: '证件类型 / kind of identity document', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant', column: 'id_number_enc', category: 'identity_number', purpose: '唯一识别、核验年龄，接收时转入团员记录 / identify, check the age, carried into the member record', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'encrypted', inLists: 'masked' },
  { table: 'applicant', column: 'id_number_index', category: 'identity_number', purpose: '查重（已是团员或已在发展中） / duplicate check', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'blind_index', inLists: 'not_shown', indexOf: { column: 'id_number_enc', purpose: 'resident_id' } },
  { table: 'applicant', column: 'id_number_masked', category: 'identity_number', purpose: '列表中辨认 / recognize in lists', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'masked_copy', inLists: 'masked' },
  { table: 'applicant', column: 'birth_date', category: 'birth_date', purpose: '入团年龄条件 / age rule', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant', column: 'sex', category: 'sex', purpose: '团员统计 / statistics', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant', column: 'phone_enc', category: 'phone', purpose: '联系申请人 / reach the applicant', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'encrypted', inLists: 'masked' },
  { table: 'applicant', column: 'phone_masked', category: 'phone', purpose: '列表中辨认 / recognize in lists', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'masked_copy', inLists: 'masked' },
  { table: 'applicant', column: 'profile', category: 'membership_record', purpose: '接收时写入团员记录的字段（民族、职业、学历、户籍） / fields the member record gets at admission', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant', column: 'facts', category: 'free_text', purpose: '发展全过程纪实（日期、培养联系人、表决） / the record of each step', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant', column: 'score', category: 'membership_record', purpose: '积分入团 / points-based admission', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant', column: 'development_number', category: 'membership_record', purpose: '团员编号 / membership number', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant_step', column: 'detail', category: 'free_text', purpose: '该步骤的纪实 / what the step recorded', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'applicant_step', column: 'actor_username', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'admission_notice', column: 'objections', category: 'free_text', purpose: '公示期间的异议及处理 / objections raised during the public notice', legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'admission_notice', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: APPLICANT_RECORD, protection: 'plain', inLists: 'shown' },

  // 组织关系转接 (transfer) and 毕业生批次.
  { table: 'transfer', column: 'member_name', category: 'name', purpose: '转接双方辨认团员 / both ends recognize the member', legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'transfer', column: 'reason', category: 'membership_record', purpose: '转接原因（就业、升学、参军…） / why the member moves', legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'transfer', column: 'reason_text', category: 'free_text', purpose: '转接原因说明 / the reason in words', legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'transfer', column: 'outside_destination', category: 'address', purpose: '转往省外的去向 / where to, outside the province', legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'transfer', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'transfer_event', column: 'reason', category: 'free_text', purpose: '退回、申诉、决定的理由 / why a stage returned or decided', legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'transfer_event', column: 'evidence', category: 'free_text', purpose: '申诉材料说明 / what an appeal rests on', legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'transfer_event', column: 'actor_username', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'graduate_batch_member', column: 'destination_kind', category: 'work', purpose: '毕业去向（就业、升学、参军…） / where the graduate goes', legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'graduate_batch', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: TRANSFER_RECORD, protection: 'plain', inLists: 'shown' },

  // 团费 (dues).
  { table: 'dues_assessment', column: 'category', category: 'income', purpose: '团费标准类别（学生、在职、离退休…） / dues category', legalBasis: STATUTORY, retention: DUES_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'dues_assessment', column: 'income_fen', category: 'income', purpose: '按税后月收入核定团费 / dues by after-tax income', legalBasis: STATUTORY, retention: DUES_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'dues_assessment', column: 'reason', category: 'free_text', purpose: '核定说明 / why the amount', legalBasis: STATUTORY, retention: DUES_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'dues_assessment', column: 'actor_username', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: DUES_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'dues_payment', column: 'note', category: 'free_text', purpose: '收缴备注 / note on the payment', legalBasis: STATUTORY, retention: DUES_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'dues_payment', column: 'reversed_reason', category: 'free_text', purpose: '冲销理由 / why the payment was reversed', legalBasis: STATUTORY, retention: DUES_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'dues_payment', column: 'actor_username', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: DUES_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'dues_payment', column: 'reversed_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: DUES_RECORD, protection: 'plain', inLists: 'shown' },

  // 团组织联系人 (organization contact).
  { table: 'organization', column: 'contact_name', category: 'name', purpose: '组织联系人 / the organization\'s contact person', legalBasis: STATUTORY, retention: { text: '至更换联系人 / until the contact changes' }, protection: 'plain', inLists: 'shown' },
  { table: 'organization', column: 'contact_phone_enc', category: 'phone', purpose: '联系组织 / reach the organization', legalBasis: STATUTORY, retention: { text: '至更换联系人 / until the contact changes' }, protection: 'encrypted', inLists: 'masked' },

  // 账号与会话 (accounts and sessions): staff and members who sign in.
  { table: 'app_user', column: 'username', category: 'account', purpose: '登录账号 / sign-in name', legalBasis: 'hr_management', retention: ACCOUNT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'app_user', column: 'display_name', category: 'name', purpose: '显示姓名 / name shown to others', legalBasis: 'hr_management', retention: ACCOUNT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'app_user', column: 'password_hash', category: 'credential', purpose: '身份鉴别（GB/T 22239 8.1.4.1） / authentication', legalBasis: 'hr_management', retention: ACCOUNT_RECORD, protection: 'hashed', inLists: 'not_shown' },
  { table: 'app_user', column: 'last_login_at', category: 'activity', purpose: '闲置账号停用（DB-05） / disabling idle accounts', legalBasis: 'hr_management', retention: ACCOUNT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'app_user', column: 'totp_secret_enc', category: 'credential', purpose: '双因素认证的动态口令种子（DB-04、MP-01） / the second factor\'s TOTP seed', legalBasis: 'hr_management', retention: ACCOUNT_RECORD, protection: 'encrypted', inLists: 'not_shown' },
  { table: 'login_challenge', column: 'pending_secret_enc', category: 'credential', purpose: '首次绑定验证器时待确认的种子 / a seed offered at enrolment until a first code confirms it', legalBasis: 'hr_management', retention: { rule: 'auth.secondFactorChallengeMinutes', text: '登录挑战几分钟内用完或作废 / the sign-in challenge is used or dropped within minutes' }, protection: 'encrypted', inLists: 'not_shown' },
  { table: 'login_challenge', column: 'ip', category: 'network', purpose: '登录安全 / sign-in security', legalBasis: STATUTORY, retention: { rule: 'auth.secondFactorChallengeMinutes', text: '随登录挑战 / with the sign-in challenge' }, protection: 'plain', inLists: 'not_shown' },
  { table: 'session', column: 'ip', category: 'network', purpose: '会话安全与审计 / session security', legalBasis: STATUTORY, retention: { rule: 'auth.sessionAbsoluteHours', text: '随会话：退出登录或过期后再次使用时删除；从未再用的过期会话待清理任务（LAW-01） / with the session: deleted at sign-out or when used after expiry; expired sessions never used again await a cleanup job' }, protection: 'plain', inLists: 'not_shown' },
  { table: 'credential_grant', column: 'token_hash', category: 'credential', purpose: '激活/重置链接（AS-09），只存摘要 / activation or reset link, stored as a digest', legalBasis: 'hr_management', retention: { rule: 'auth.activationDays', text: '使用、作废或过期后失效，随账号保存以备审计 / dead once used, revoked or expired; kept with the account for audit' }, protection: 'hashed', inLists: 'not_shown' },
  { table: 'credential_grant', column: 'code_hash', category: 'credential', purpose: '激活/重置短码（AS-09），只存摘要 / the short code read out, stored as a digest', legalBasis: 'hr_management', retention: { rule: 'auth.activationDays', text: '使用、作废或过期后失效，随账号保存以备审计 / dead once used, revoked or expired; kept with the account for audit' }, protection: 'hashed', inLists: 'not_shown' },
  { table: 'credential_grant', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: 'hr_management', retention: ACCOUNT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'import_job', column: 'source_ip', category: 'network', purpose: '导入操作的来源，写入审计 / where an import came from', legalBasis: STATUTORY, retention: { text: '随导入任务记录 / with the import job record' }, protection: 'plain', inLists: 'not_shown' },
  { table: 'rule_override', column: 'created_by_username', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随规则调整记录 / with the rule change' }, protection: 'plain', inLists: 'shown' },

  // 个人信息主体请求 (subject_request, DOMAIN §12 LAW-04, LAW-05): correction, deletion and restriction requests.
  { table: 'subject_request', column: 'proposed_value_enc', category: 'free_text', purpose: '团员申请更正为的值（可能是证件号或手机号） / the value the member asks for (may be an ID or phone number)', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'encrypted', inLists: 'masked' },
  { table: 'subject_request', column: 'note', category: 'free_text', purpose: '申请说明 / what the member says about the request', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'subject_request', column: 'decision_reason', category: 'free_text', purpose: '办理意见（拒绝须说明理由，个人信息保护法第50条） / the handler\'s reasons', legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'subject_request', column: 'decided_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },

  // 审计日志 (audit log): append-only, hash-chained.
  { table: 'audit_log', column: 'actor_username', category: 'account', purpose: '审计：谁做了什么（DB-09） / who did what', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'audit_log', column: 'target_label', category: 'name', purpose: '审计：对象（如团员姓名） / the object acted on (e.g. a member\'s name)', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'audit_log', column: 'ip', category: 'network', purpose: '审计：来源地址（DB-09） / source address', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'audit_log', column: 'detail', category: 'free_text', purpose: '审计：理由与摘要（不含证件号、手机号） / reason and summary, never ID or phone numbers', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },

  // 完整导出与安全告警 (full exports and security alerts, DOMAIN §12 AS-22, DB-12, DB-16).
  { table: 'member_export', column: 'username', category: 'account', purpose: '完整导出的导出人（水印、下载限本人） / who took the full export (watermark, only they may download)', legalBasis: STATUTORY, retention: { text: '随导出记录保存（文件下载或过期即删除，记录留作台账） / with the export record; the file itself is deleted on download or expiry' }, protection: 'plain', inLists: 'shown' },
  { table: 'member_export', column: 'reason', category: 'free_text', purpose: '完整导出事由 / why the full numbers were exported', legalBasis: STATUTORY, retention: { text: '随导出记录保存 / with the export record' }, protection: 'plain', inLists: 'shown' },
  { table: 'member_export', column: 'content_key_enc', category: 'credential', purpose: '导出文件的密钥（下载或过期时清除，文件即不可读） / the file\'s own key, cleared on download or expiry', legalBasis: STATUTORY, retention: { rule: 'export.fullExportTtlMinutes', text: '至下载或过期 / until downloaded or expired' }, protection: 'encrypted', inLists: 'not_shown' },
  { table: 'security_alert', column: 'username', category: 'account', purpose: '安全告警：触发告警的账号（DB-12） / the account that raised the alert', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'security_alert', column: 'acknowledged_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },

  // 办理人 (who recorded it) on the organization's own work: usernames of staff.
  { table: 'development_quota', column: 'set_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随发展计划 / with the quota' }, protection: 'plain', inLists: 'shown' },
  { table: 'number_range', column: 'issued_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随号段 / with the number range' }, protection: 'plain', inLists: 'shown' },
  { table: 'youth_count', column: 'updated_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随青年数 / with the count' }, protection: 'plain', inLists: 'shown' },
  { table: 'evaluation_cycle', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'evaluation_cycle', column: 'decided_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: MEMBER_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'work_plan', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随工作要点 / with the plan' }, protection: 'plain', inLists: 'shown' },
  { table: 'plan_assignment', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随工作要点 / with the plan' }, protection: 'plain', inLists: 'shown' },
  { table: 'plan_milestone', column: 'done_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随工作要点 / with the plan' }, protection: 'plain', inLists: 'shown' },
  { table: 'plan_task', column: 'evaluated_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随工作要点 / with the plan' }, protection: 'plain', inLists: 'shown' },
  { table: 'plan_report', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随工作要点 / with the plan' }, protection: 'plain', inLists: 'shown' },
  { table: 'plan_attachment', column: 'uploaded_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随工作要点 / with the plan' }, protection: 'plain', inLists: 'shown' },
  { table: 'plan_remark', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: { text: '随工作要点 / with the plan' }, protection: 'plain', inLists: 'shown' },

  // 未成年人信息查看审批 (minor_access_grant, DOMAIN §12 LAW-09): who asked to open whose record, why, and who decided.
  { table: 'minor_access_grant', column: 'subject_label', category: 'name', purpose: '审批人辨认所申请查看的记录 / the approver recognizes the record asked for', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'minor_access_grant', column: 'requester_username', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'minor_access_grant', column: 'reason', category: 'free_text', purpose: '申请查看的理由 / why access is asked for', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'minor_access_grant', column: 'purpose', category: 'free_text', purpose: '关联的工作任务 / the task the access serves', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'minor_access_grant', column: 'decided_by_username', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'minor_access_grant', column: 'decision_comment', category: 'free_text', purpose: '审批意见 / the approver\'s comment', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'minor_access_grant', column: 'revoked_by_username', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'minor_access_grant', column: 'revoke_reason', category: 'free_text', purpose: '撤销授权的理由 / why the grant was revoked', legalBasis: STATUTORY, retention: AUDIT_RECORD, protection: 'plain', inLists: 'shown' },

  // 个人信息安全事件登记 (incident, DOMAIN §12 LAW-08): holds no affected person's data (they are a count);
  // the staff who recorded each step, the handler's contact and the timeline's notes are declared here.
  { table: 'incident', column: 'contact', category: 'free_text', purpose: '通知中的处理者联系方式（第五十七条第一款第三项），宜填部门和办公电话 / the handler\'s contact the notice gives (PIPL Art. 57 ¶1 (3)); an office and its phone, preferably', legalBasis: STATUTORY, retention: INCIDENT_RECORD, protection: 'plain', inLists: 'not_shown' },
  { table: 'incident', column: 'created_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: INCIDENT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'incident', column: 'regulator_notified_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: INCIDENT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'incident', column: 'individuals_notified_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: INCIDENT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'incident', column: 'closed_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: INCIDENT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'incident_event', column: 'note', category: 'free_text', purpose: '处置经过（可能提到涉事账号，不得写入证件号、手机号） / what was done (may name the accounts involved; never ID or phone numbers)', legalBasis: STATUTORY, retention: INCIDENT_RECORD, protection: 'plain', inLists: 'shown' },
  { table: 'incident_event', column: 'recorded_by', category: 'account', purpose: WHO_DID_IT, legalBasis: STATUTORY, retention: INCIDENT_RECORD, protection: 'plain', inLists: 'shown' },
];

/** Columns whose names look personal but hold none, reviewed once and kept here with the reason. */
export const NOT_PERSONAL: readonly NotPersonalColumn[] = [
  { table: 'organization', column: 'name', why: '团组织名称 / an organization\'s name' },
  { table: 'organization', column: 'short_name', why: '团组织简称 / an organization\'s short name' },
  { table: 'graduate_batch', column: 'name', why: '批次名称 / a batch\'s name' },
  { table: 'work_department', column: 'name', why: '部门名称 / a department\'s name' },
  { table: 'work_plan', column: 'source_name', why: '导入文件名 / the imported file\'s name' },
  { table: 'plan_attachment', column: 'file_name', why: '附件文件名 / an attachment\'s file name' },
  { table: 'transfer', column: 'initiated_by', why: '发起方的类别（团员、转出团支部…），不是账号 / which side started it (member, out_branch, …), not an account' },
  { table: 'transfer', column: 'stage_index', why: '转接所处环节序号 / position in the chain of stages, not a blind index' },
];
