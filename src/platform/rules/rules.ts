/**
 * The one table of rule numbers (规则参数). Code reads rules from here, never from literals,
 * so that a province can see where each number comes from and override it in one place.
 */
export type Rule = {
  value: number;
  unit: string;
  /** Where the number comes from (document, clause, or the design decision that set it). */
  source: string;
  /** The date from which the number applies. */
  effectiveFrom: string;
  description: string;
  /** A floor set by law (its source says which): no override may go below it. */
  minimum?: number;
  /** A ceiling set by a standard or law (its source says which): no override may go above it. */
  maximum?: number;
};

export const RULES = {
  'org.branchMinMembers': {
    value: 3, unit: '人', effectiveFrom: '2018-07-01',
    source: '团章: 凡是有团员三人以上的，都应当建立团的基层组织',
    description: '建立团支部的最少团员数 / minimum members to form a branch',
  },
  'org.branchTermYears': {
    value: 2, unit: '年', effectiveFrom: '2016-01-01',
    source: '《团支部工作条例(试行)》: 团支部委员会每届任期2年或3年',
    description: '团支部默认任期 / default branch term',
  },
  'org.studentBranchTermYears': {
    value: 1, unit: '年', effectiveFrom: '2016-01-01',
    source: '《团支部工作条例(试行)》: 大中学校学生团支部每届任期1年',
    description: '学生团支部任期 / student branch term',
  },
  'org.committeeTermYears': {
    value: 5, unit: '年', effectiveFrom: '2018-07-01',
    source: '团章第18条: 地方各级代表大会每五年举行一次',
    description: '地方团委任期 / local committee term',
  },
  'org.maxTermYears': {
    value: 10, unit: '年', effectiveFrom: '2018-07-01',
    source: 'Tuanwu 输入校验上限（最长法定任期5年的两倍，防止误录）',
    description: '任期年数输入上限 / upper bound accepted for a term length',
  },
  'membership.minJoinAge': {
    value: 14, unit: '周岁', effectiveFrom: '2017-01-01',
    source: '团章第一条: 年龄在十四周岁以上，二十八周岁以下的中国青年 (DOMAIN §1.3)',
    description: '入团最低年龄 / minimum age at joining',
  },
  'membership.minJoinAgeBefore2017': {
    value: 12, unit: '周岁', effectiveFrom: '1900-01-01',
    source: '智慧团建对2017年前入团者的校验下限 (DOMAIN §1.3, [W] fudaoke 2874425)',
    description: '2017年以前入团的最低年龄 / minimum joining age for joins before 2017',
  },
  'membership.minJoinAgeRuleYear': {
    value: 2017, unit: '年', effectiveFrom: '2017-01-01',
    source: 'DOMAIN §1.3: the 14-year check applies to joins from 2017-01-01',
    description: '入团年龄校验规则变更年份 / year from which the 14-year minimum applies',
  },
  'membership.maxAge': {
    value: 28, unit: '周岁', effectiveFrom: '2018-07-01',
    source: '团章第一条、第八条: 团员年满二十八周岁，没有担任团内职务，应当办理离团手续',
    description: '超龄离团年龄 / age at which membership ends',
  },
  'auth.passwordMinLength': {
    value: 8, unit: '字符', effectiveFrom: '2019-12-01',
    source: 'GB/T 22239-2019 8.1.4.1 a) 身份鉴别信息具有复杂度要求 (DOMAIN §12 A.0)',
    description: '密码最短长度 / minimum password length',
  },
  'auth.passwordMinClasses': {
    value: 3, unit: '类', effectiveFrom: '2019-12-01',
    source: 'GB/T 22239-2019 8.1.4.1 a) (DOMAIN §12 A.0: 4类字符中至少3类)',
    description: '密码至少包含的字符类别数 / character classes required',
  },
  'auth.lockoutFailures': {
    value: 5, unit: '次', effectiveFrom: '2019-12-01',
    source: 'GB/T 22239-2019 8.1.4.1 b) 限制非法登录次数 (DOMAIN §12 DB-02)',
    description: '锁定前允许的连续失败次数 / failures before lockout',
  },
  'auth.lockoutWindowMinutes': {
    value: 15, unit: '分钟', effectiveFrom: '2019-12-01',
    source: 'DOMAIN §12 DB-02',
    description: '失败计数窗口与锁定时长 / failure window and lock duration',
  },
  'auth.loginRatePerMinute': {
    value: 20, unit: '次/分钟', effectiveFrom: '2019-12-01',
    source: 'DOMAIN §12 DB-02: per-IP limiter for ≥20 failures/min',
    description: '每个IP每分钟登录请求上限 / login requests per IP per minute',
  },
  'auth.sessionIdleMinutes': {
    value: 30, unit: '分钟', effectiveFrom: '2019-12-01',
    source: 'OWASP ASVS 4.0.3 §3.3.2 L2 (DOMAIN §12 DB-02)',
    description: '会话空闲超时 / idle session timeout',
  },
  'auth.sessionAbsoluteHours': {
    value: 12, unit: '小时', effectiveFrom: '2019-12-01',
    source: 'OWASP ASVS 4.0.3 §3.3.2 L2 (DOMAIN §12 DB-02)',
    description: '会话绝对时长 / absolute session lifetime',
  },
  'auth.adminSessionIdleMinutes': {
    value: 15, unit: '分钟', effectiveFrom: '2019-12-01',
    source: 'DOMAIN §12 DB-02: administrators\' sessions end after 15 minutes idle (GB/T 22239-2019 8.1.4.1 b) 登录连接超时自动退出)',
    description: '管理员会话空闲超时 / idle timeout of administrators\' sessions',
  },
  'auth.passwordMaxAgeDays': {
    value: 90, unit: '天', effectiveFrom: '2019-12-01',
    source: 'GB/T 22239-2019 8.1.4.1 a) 身份鉴别信息…定期更换; DOMAIN §12 A.0: 90-day expiry for cadre and administrator accounts',
    description: '干部和管理员账号密码有效期 / days before a cadre\'s password must be changed',
  },
  'auth.secondFactorChallengeMinutes': {
    value: 5, unit: '分钟', effectiveFrom: '2019-12-01',
    source: 'OWASP ASVS 5.0 §6.5.5 (DOMAIN §12 AS-10): an out-of-band or one-time code is valid for at most 10 minutes',
    description: '输入动态验证码的时限 / minutes to enter the second factor after the password',
  },
  'auth.secondFactorAttempts': {
    value: 5, unit: '次', effectiveFrom: '2019-12-01',
    source: 'OWASP ASVS 5.0 §6.5.5 and §6.3.1 (DOMAIN §12 AS-10): one-time codes are rate limited',
    description: '每次登录允许的验证码错误次数 / wrong codes allowed per sign-in',
  },
  'auth.activationDays': {
    value: 7, unit: '天', effectiveFrom: '2026-01-01',
    source: 'DOMAIN §12 AS-09 (OWASP ASVS 5.0 §6.4.1): activation codes are random, single use and expire after 7 days',
    description: '账号激活码有效期 / days an activation code stays valid',
  },
  'auth.resetLinkHours': {
    value: 24, unit: '小时', effectiveFrom: '2026-01-01',
    source: 'DOMAIN §12 AS-09 (OWASP ASVS 5.0 §6.4.1): an administrator-initiated reset secret is short-lived and single use; Tuanwu: one working day',
    description: '密码重置链接有效期 / hours a reset link stays valid',
  },
  'auth.activationRatePerMinute': {
    value: 10, unit: '次/分钟', effectiveFrom: '2026-01-01',
    source: 'DOMAIN §12 AS-07 (OWASP ASVS 5.0 §6.3.1): anti-automation on the public activation endpoint; Tuanwu: half the login limit, a person activates once',
    description: '每个IP每分钟激活/重置请求上限 / activation or reset requests per IP per minute',
  },
  'auth.idleDisableDays': {
    value: 180, unit: '天', effectiveFrom: '2019-12-01',
    source: 'DOMAIN §12 DB-05 (GB/T 22239-2019 8.1.4.2 c) 应及时删除或停用多余的、过期的账户): a job disables accounts idle more than 180 days',
    description: '闲置多少天后自动停用账号 / days without sign-in after which an account is disabled',
  },
  'org.exportMaxRows': {
    value: 100000, unit: '行', effectiveFrom: '2026-01-01',
    source: 'Tuanwu: one xlsx sheet stays comfortably under Excel\'s 1,048,576-row limit',
    description: '单次导出最大行数 / rows per export',
  },
  'export.maxPerHour': {
    value: 10, unit: '次/小时', effectiveFrom: '2026-01-01',
    source: 'DOMAIN §12 AS-22 (OWASP ASVS 4.0.3 §11.1.4 anti-automation against mass exfiltration) and DB-12 (GB/T 22239-2019 8.1.4.4 f) 报警); Tuanwu: ten exports an hour per account, counting every download that carries people\'s data (member lists masked or full, organizations with their contacts, 公示 lists, import error workbooks)',
    description: '每个账号每小时导出次数上限（团员名单、完整导出、团组织、公示名单、导入错误清单合计）/ exports per account per hour (member lists, full exports, organizations, notices and import error workbooks together)',
  },
  'member.maxDetailViewsPerHour': {
    value: 200, unit: '次/小时', effectiveFrom: '2026-01-01',
    source: 'DOMAIN §12 AS-22 (OWASP ASVS 4.0.3 §11.1.4) and DB-12; Tuanwu: 200 member detail views or reveals an hour per account, well above a secretary\'s day of work',
    description: '每个账号每小时查看团员详情/完整信息次数上限 / member detail views and reveals per account per hour',
  },
  'export.fullExportTtlMinutes': {
    value: 60, unit: '分钟', effectiveFrom: '2026-01-01', maximum: 60,
    source: 'DOMAIN §12 DB-16 (GB/T 22239-2019 8.1.4.10 b) 存有敏感数据的存储空间…完全清除): temporary export files are deleted on download or within 1 h, so a province may shorten the time but not lengthen it',
    description: '完整导出文件的保留时间（下载后即删除） / minutes a full export waits for its one download',
  },
  'import.maxRows': {
    value: 100000, unit: '行', effectiveFrom: '2026-01-01',
    source: 'Tuanwu: 100,000 rows per file, the same bound as org.exportMaxRows; DOMAIN §12 AS-19 asks for a "split the file" refusal above the limit (its example test uses 20,000)',
    description: '单个导入文件最多行数 / data rows per import file',
  },
  'import.maxUploadBytes': {
    value: 30 * 1024 * 1024, unit: '字节', effectiveFrom: '2026-01-01',
    source: 'Tuanwu: a 100,000-row member workbook with every column filled measured 8.8–9.3 MB (exceljs, 2026); about 3× headroom, and below the 50 MB upload that DOMAIN §12 AS-19 requires to be refused',
    description: '上传文件大小上限 / maximum upload size',
  },
  'import.maxUncompressedBytes': {
    value: 160 * 1024 * 1024, unit: '字节', effectiveFrom: '2026-01-01',
    source: 'Tuanwu: the same 100,000-row workbook inflates to 69 MB (shared strings) – 97 MB (inline strings); DOMAIN §12 AS-19 treats a sheet inflating past 200 MB as a zip bomb',
    description: '解压后总大小上限（防压缩炸弹）/ maximum total uncompressed size (zip-bomb guard)',
  },
  'import.maxZipEntries': {
    value: 500, unit: '个', effectiveFrom: '2026-01-01',
    source: 'Tuanwu: an Excel or WPS workbook holds 10–40 parts, more with pictures; DOMAIN §12 AS-19 asks for an entry-count limit',
    description: '压缩包内文件数上限 / maximum entries in the xlsx archive',
  },
  'dues.flatMonthlyFen': {
    value: 20, unit: '分/月', effectiveFrom: '2016-01-01',
    source: '《关于中国共产主义青年团团费收缴、使用和管理的规定》中青发〔2016〕13号 第五条: 学生、下岗失业、依靠抚恤或救济、领取最低生活保障金以及农民团员每月交纳0.2元 (DOMAIN §2.1)',
    description: '学生、农民等团员每月团费 / monthly dues of students, farmers, the unemployed and those on relief',
  },
  'dues.lowWageMonthlyFen': {
    value: 300, unit: '分/月', effectiveFrom: '2016-01-01',
    source: '中青发〔2016〕13号 第二条: 按月领取工资、税后收入2000元以下（不含2000元）者每月交纳3元 (DOMAIN §2.1)',
    description: '月收入低于起点的团员每月团费 / monthly dues below the income threshold',
  },
  'dues.wageThresholdFen': {
    value: 200000, unit: '分', effectiveFrom: '2016-01-01',
    source: '中青发〔2016〕13号 第二条: 税后月收入2000元及以上按比例交纳 (DOMAIN §2.1)',
    description: '按比例交纳的月收入起点 / monthly income from which dues are a share of income',
  },
  'dues.wageRatePermille': {
    value: 2, unit: '‰', effectiveFrom: '2016-01-01',
    source: '中青发〔2016〕13号 第二条, as summarised in DOMAIN §2.1: 税后月收入2000元及以上按收入的2‰、取整到元 (floor(income × 2‰); 5000–5499元 → 10元)',
    description: '按收入交纳的比例 / share of monthly income',
  },
  'dues.wageCapFen': {
    value: 2000, unit: '分/月', effectiveFrom: '2016-01-01',
    source: '中青发〔2016〕13号 第二条, as summarised in DOMAIN §2.1: 按比例交纳的团费以20元为上限',
    description: '每月团费上限 / monthly dues cap',
  },
  'dues.lapseWarningMonths': {
    value: 6, unit: '个月', effectiveFrom: '2018-07-01',
    source: '团章: 连续6个月不交纳团费、不过团的组织生活或不做团所分配的工作，按自行脱团处理 (DOMAIN §1.5, §2.1)',
    description: '连续欠交多少个月提示自行脱团 / months unpaid that raise a 自行脱团 warning',
  },
  'dues.maxMonthsPerPayment': {
    value: 24, unit: '个月', effectiveFrom: '2026-01-01',
    source: 'Tuanwu 输入校验: 学生常按学期或学年收缴 (DOMAIN §2.2)，补交欠费可跨多个学年；一次最多登记两年',
    description: '单次登记最多月数 / most months one payment may cover',
  },
  'dues.maxPrepaidMonths': {
    value: 12, unit: '个月', effectiveFrom: '2026-01-01',
    source: 'Tuanwu 输入校验: 按学年预交最多覆盖到本月之后12个月 (DOMAIN §2.2)',
    description: '最多预交到本月之后几个月 / how far beyond this month dues may be paid ahead',
  },
  'dues.retentionGrassrootsPercent': {
    value: 50, unit: '%', effectiveFrom: '1994-01-01',
    source: '中青发〔1994〕7号时期团费分成: 县以下基层团组织留存50% (DOMAIN §2.3; 2016年后的比例未见公开文本，请按本省规定调整)',
    description: '基层团组织留存比例 / share kept below the county',
  },
  'dues.retentionCountyPercent': {
    value: 25, unit: '%', effectiveFrom: '1994-01-01',
    source: '中青发〔1994〕7号时期团费分成: 县级团委留存25% (DOMAIN §2.3)',
    description: '县级团委留存比例 / share kept by the county committee',
  },
  'dues.retentionCityPercent': {
    value: 12.5, unit: '%', effectiveFrom: '1994-01-01',
    source: '中青发〔1994〕7号时期团费分成: 地市级团委留存12.5% (DOMAIN §2.3)',
    description: '市级团委留存比例 / share kept by the city committee',
  },
  'dues.retentionProvincePercent': {
    value: 9.5, unit: '%', effectiveFrom: '1994-01-01',
    source: '中青发〔1994〕7号时期团费分成: 省级团委留存9.5% (DOMAIN §2.3)',
    description: '省级团委留存比例 / share kept by the provincial committee',
  },
  'dues.retentionCentralPercent': {
    value: 3, unit: '%', effectiveFrom: '1994-01-01',
    source: '中青发〔1994〕7号时期团费分成: 上缴团中央3% (DOMAIN §2.3)',
    description: '上缴团中央比例 / share remitted to the central committee',
  },
  'transfer.chainStages': {
    value: 4, unit: '级', effectiveFrom: '2017-01-01',
    source: '广东智慧团建 RelationApi.js: 转出团支部 → 转出团支部的上级 → 转入团支部 → 转入团支部的上级 (DOMAIN §1.6); 设为2时采用全国系统的两级流程（转出团支部 → 转入团支部）',
    description: '转接审批级数（4或2）/ approval stages of a transfer (4 or 2)',
  },
  'transfer.expiryDays': {
    value: 90, unit: '天', effectiveFrom: '2026-01-01',
    source: 'DOMAIN §1.6 [I]: 未及时处理的转接须重新提交，官方未规定时限；lantan-1/ZHTJ 采用3个月',
    description: '转接申请有效期 / days before an unfinished transfer expires',
  },
  'transfer.furtherStudyDays': {
    value: 30, unit: '天', effectiveFrom: '2023-01-01',
    source: 'Graduate destination rules (wsxz.cn; szlh.gov.cn 2023): a graduate going on to study transfers to the new school within 30 calendar days (DOMAIN §1.6)',
    description: '升学转接时限 / days within which a transfer to a new school must finish',
  },
  'transfer.responseHours': {
    value: 48, unit: '小时', effectiveFrom: '2019-01-01',
    source: '广东智慧团建 48小时及时响应考核 (DOMAIN §1.2, §1.6)',
    description: '及时响应时限 / hours within which a stage should respond',
  },
  'transfer.graduateRateTargetPercent': {
    value: 90, unit: '%', effectiveFrom: '2021-01-01',
    source: '四川团省委2021年工作要点 sets the graduate members\' transfer rate target at no less than 90% (DOMAIN §0)',
    description: '毕业生团员组织关系转接率目标 / graduate transfer rate target',
  },
  'transfer.abroadRetentionYears': {
    value: 5, unit: '年', effectiveFrom: '2023-01-01',
    source: 'Shenzhen practice: a member studying abroad stays in the school\'s 出国(境)学习研究团员团支部 for at most 5 years (DOMAIN §1.6)',
    description: '出国(境)学习保留年限 / years a member studying abroad may stay at the school',
  },
  'transfer.unemployedRetentionMonths': {
    value: 6, unit: '个月', effectiveFrom: '2023-01-01',
    source: 'Graduate destination rules (wsxz.cn; szlh.gov.cn 2023): a graduate not yet employed may stay at the school for at most 6 months (DOMAIN §1.6)',
    description: '未就业毕业生在校保留月数 / months an unemployed graduate may stay at the school',
  },
  'admission.minTrainingHours': {
    value: 8, unit: '学时', effectiveFrom: '2017-01-01',
    source: '发展团员"六必须": 党团知识培训不少于8学时 (DOMAIN §1.3; tw.nfu.edu.cn 2025; 中学共青团建设和改革指引 2023)',
    description: '党团知识培训最少学时 / minimum hours of League training',
  },
  'admission.minContacts': {
    value: 1, unit: '名', effectiveFrom: '2017-01-01',
    source: '发展团员"六必须": 确定1至2名团员作为培养联系人 (DOMAIN §1.3)',
    description: '培养联系人最少人数 / fewest contact members',
  },
  'admission.maxContacts': {
    value: 2, unit: '名', effectiveFrom: '2017-01-01',
    source: '发展团员"六必须": 确定1至2名团员作为培养联系人 (DOMAIN §1.3)',
    description: '培养联系人最多人数 / most contact members',
  },
  'admission.minObservationMonths': {
    value: 3, unit: '个月', effectiveFrom: '2017-01-01',
    source: '发展团员"六必须": 培养考察不少于3个月，并有书面考察材料 (DOMAIN §1.3)',
    description: '培养考察最短期限 / minimum observation period',
  },
  'admission.sponsors': {
    value: 2, unit: '名', effectiveFrom: '2017-01-01',
    source: '入团介绍人为2名正式团员 (DOMAIN §1.3)',
    description: '入团介绍人人数 / number of sponsors',
  },
  'admission.minNoticeDays': {
    value: 5, unit: '天', effectiveFrom: '2026-01-01',
    source: 'Tuanwu default: the three 公示 are required (DOMAIN §1.3), their length is set locally; adjust to the province\'s rule',
    description: '公示最短天数 / shortest public notice',
  },
  'admission.quorumPercent': {
    value: 50, unit: '%', effectiveFrom: '2017-01-01',
    source: '支部团员大会表决须到会团员超过应到人数的半数 (DOMAIN §1.3, §1.5)',
    description: '支部大会到会比例须超过 / attendance must exceed this share of the branch',
  },
  'admission.passPercent': {
    value: 50, unit: '%', effectiveFrom: '2017-01-01',
    source: '无记名投票，赞成票超过到会团员半数为通过 (DOMAIN §1.3, §1.5)',
    description: '赞成票比例须超过 / votes in favour must exceed this share of those present',
  },
  'admission.ratioCapJuniorHighPercent': {
    value: 15, unit: '%', effectiveFrom: '2023-04-01',
    source: '中学共青团建设和改革指引 (2023): 初中团青比不超过15% (DOMAIN §1.4)',
    description: '初中团青比上限 / cap on the member share in junior high schools',
  },
  'admission.ratioCapSeniorHighPercent': {
    value: 30, unit: '%', effectiveFrom: '2023-04-01',
    source: '中学共青团建设和改革指引 (2023): 普通高中团青比不超过30%; 四川 2023 同为30% (DOMAIN §1.4)',
    description: '普通高中团青比上限 / cap in senior high schools',
  },
  'admission.ratioCapVocationalPercent': {
    value: 20, unit: '%', effectiveFrom: '2023-04-01',
    source: '中学共青团建设和改革指引 (2023): 中职团青比不超过20% (DOMAIN §1.4)',
    description: '中职团青比上限 / cap in vocational schools',
  },
  'admission.ratioCapProvincePercent': {
    value: 30, unit: '%', effectiveFrom: '2023-05-15',
    source: '四川共青团 2023: 团青比严格控制在30%以内 (DOMAIN §1.4, m.jizihe.com 2023-05-15)',
    description: '全省团青比上限 / the province-wide cap',
  },
  'evaluation.quorumPercent': {
    value: 66.67, unit: '%', effectiveFrom: '2017-01-19',
    source: '中青发〔2017〕5号《"三会两制一课"实施细则（试行）》: 教育评议到会人数须超过团员总数的三分之二 (DOMAIN §1.5)',
    description: '教育评议到会比例须超过 / attendance must exceed this share',
  },
  'evaluation.excellentMaxPercent': {
    value: 30, unit: '%', effectiveFrom: '2017-01-19',
    source: '中青发〔2017〕5号: 评议等次为优秀、合格、基本合格、不合格，优秀不超过参评团员的30% (DOMAIN §1.5)',
    description: '优秀比例上限 / cap on the share graded 优秀',
  },
  'evaluation.correctionMinMonths': {
    value: 3, unit: '个月', effectiveFrom: '2017-01-19',
    source: '中青发〔2017〕5号 第32–36条: 不合格团员限期改正3至6个月 (DOMAIN §1.5)',
    description: '限期改正最短期限 / shortest correction period',
  },
  'evaluation.correctionMaxMonths': {
    value: 6, unit: '个月', effectiveFrom: '2017-01-19',
    source: '中青发〔2017〕5号 第32–36条: 不合格团员限期改正3至6个月 (DOMAIN §1.5)',
    description: '限期改正最长期限 / longest correction period',
  },
  'evaluation.deferMinMonths': {
    value: 3, unit: '个月', effectiveFrom: '2017-01-19',
    source: '暂缓注册期限为3至6个月 (DOMAIN §1.5, it.zime.edu.cn)',
    description: '暂缓注册最短期限 / shortest deferral of registration',
  },
  'evaluation.deferMaxMonths': {
    value: 6, unit: '个月', effectiveFrom: '2017-01-19',
    source: '暂缓注册期限为3至6个月 (DOMAIN §1.5, it.zime.edu.cn)',
    description: '暂缓注册最长期限 / longest deferral of registration',
  },
  'workplan.lagTolerancePercent': {
    value: 15, unit: '个百分点', effectiveFrom: '2021-01-01',
    source: 'Tuanwu: a task is 滞后 when its progress trails the share of its time already used by more than this many points; a month of a year is about 8 points, so two months of slack',
    description: '进度滞后容差 / points a task may trail the elapsed time before it is lagging',
  },
  'workplan.reportStaleDays': {
    value: 40, unit: '天', effectiveFrom: '2021-01-01',
    source: 'Tuanwu: tasks report monthly (工作要点 督办 practice); a month plus ten days of grace before the task is listed as 未报送',
    description: '未报送进展提醒天数 / days without a report before a task is listed as not reporting',
  },
  'workplan.dueSoonDays': {
    value: 14, unit: '天', effectiveFrom: '2021-01-01',
    source: 'Tuanwu: two weeks\' notice before a task or milestone falls due, shown in 待办',
    description: '即将到期提醒天数 / days before a due date when it shows as due soon',
  },
  'workplan.maxDocumentBytes': {
    value: 10 * 1024 * 1024, unit: '字节', effectiveFrom: '2021-01-01',
    source: 'Tuanwu: a 工作要点 of 20,000 characters is about 60 KB as text and under 1 MB as .docx; 10 MB leaves room for embedded pictures',
    description: '工作要点文件大小上限 / maximum size of an imported plan document',
  },
  'workplan.maxAttachmentBytes': {
    value: 20 * 1024 * 1024, unit: '字节', effectiveFrom: '2021-01-01',
    source: 'Tuanwu: a scanned report or a few photos as PDF; below the 50 MB upload that DOMAIN §12 AS-19 requires to be refused',
    description: '进展附件大小上限 / maximum size of a progress-report attachment',
  },
  'audit.retentionDays': {
    value: 365, unit: '天', effectiveFrom: '2017-06-01', minimum: 183,
    source: '网络安全法第二十一条第三项: 留存相关的网络日志不少于六个月 (DOMAIN §12 DB-10, LAW-11) — 183天为法定下限，不得设得更短; Tuanwu 默认保留一年',
    description: '审计日志保存天数（到期后由清理任务删除并写入检查点）/ days the audit log is kept before the retention job purges it',
  },
  'privacy.memberRetentionYears': {
    value: 5, unit: '年', effectiveFrom: '2021-11-01',
    source: '个人信息保护法第十九条: 保存期限应当为实现处理目的所必要的最短时间 (DOMAIN §12 LAW-01); 年数为 Tuanwu 的本地选择（离团后可恢复团籍、核查团籍的期间），请按本省档案管理规定调整',
    description: '离团或转出省外满几年后匿名化团员个人信息 / years after leaving the League (or the province) before a member\'s personal data is anonymized',
  },
  'privacy.stoppedApplicantRetentionYears': {
    value: 2, unit: '年', effectiveFrom: '2021-11-01',
    source: '个人信息保护法第十九条: 保存期限应当为实现处理目的所必要的最短时间; 第四十七条第一款第二项: 保存期限已届满的应当删除 (DOMAIN §12 LAW-01); 年数为 Tuanwu 的本地选择（足以让再次申请时看到此前中止的申请），请按本省档案管理规定调整',
    description: '入团申请中止满几年后匿名化申请人个人信息 / years after an application was stopped before the applicant\'s personal data is anonymized',
  },
  'subject.responseDays': {
    value: 15, unit: '个工作日', effectiveFrom: '2019-11-28',
    source: '个人信息保护法第五十条: 个人行使权利的申请应当及时受理和处理; 《App违法违规收集使用个人信息行为认定方法》(国信办秘字〔2019〕191号) 六(3): 更正、删除承诺时限不得超过15个工作日; GB/T 35273-2020 8.7 c) 应在30天内答复',
    description: '更正、删除、限制处理申请的答复时限 / working days within which a correction, deletion or restriction request is answered',
  },
  'minors.sensitiveAge': {
    value: 14, unit: '周岁', effectiveFrom: '2021-11-01',
    source: '个人信息保护法第28条、第31条: 不满十四周岁未成年人的个人信息是敏感个人信息 (DOMAIN §12 DB-08, LAW-04); 《未成年人网络保护条例》(2024) 保护所有未满十八周岁者，部署方可设为18以覆盖全部未成年人',
    description: '未成年人敏感信息标记年龄（不满此年龄的记录标记为MINOR_SENSITIVE；可设为18覆盖全部未成年人）/ records of people younger than this are labelled MINOR_SENSITIVE (set 18 to cover all minors)',
  },
  'minors.grantHours': {
    value: 72, unit: '小时', effectiveFrom: '2024-01-01',
    source: '《未成年人网络保护条例》: 工作人员访问未成年人个人信息的，应当经过相关负责人或者其授权的管理人员审批 (DOMAIN §12 LAW-09: a grant is time-boxed, e.g. 72 h)',
    description: '未成年人信息查看审批的最长有效期 / longest time an approval to open a minor\'s record lasts',
  },
  'incident.containTargetHours': {
    value: 1, unit: '小时', effectiveFrom: '2021-11-01',
    source: 'docs/incident-response.md 处置步骤1“控制（一小时内）”: 本单位应急预案的内部目标。个人信息保护法第五十七条只要求“立即采取补救措施”，未规定小时数 (DOMAIN §12 LAW-08)',
    description: '发现个人信息安全事件后控制（止损）的内部目标时限 / hours after detection by which an incident should be contained (the plan\'s own target)',
  },
  'incident.reportHours': {
    value: 4, unit: '小时', effectiveFrom: '2025-11-01', maximum: 4,
    source: '《国家网络安全事件报告管理办法》(国家网信办2025年9月11日发布) 第四条: 较大以上网络安全事件，其他网络运营者应当及时向属地省级网信部门报告，最迟不得超过4小时。个人信息保护法第五十七条只说“立即”通知，未规定小时数; Tuanwu 以此时限作为所有事件向网信部门报告的内部目标（docs/incident-response.md），可缩短不可延长',
    description: '发现事件后向网信部门报告的时限（较大以上事件为法定上限，其余为内部目标）/ hours after detection to report to the cyberspace authority (the legal limit for serious incidents and above; the internal target for the rest)',
  },
} as const satisfies Record<string, Rule>;

export type RuleKey = keyof typeof RULES;

/** A province's own value for a rule, with its source and the date from which it applies. */
export type RuleOverride = { value: number; source: string; effectiveFrom: string };

// The overrides in effect today, loaded from the rule_override table at start, after each change and
// periodically (so that every application node converges on the same values).
let effective = new Map<RuleKey, RuleOverride>();

/** The current value of a rule: the province's override in effect, else the default above. */
export function rule(key: RuleKey): number {
  const value = effective.get(key)?.value ?? RULES[key].value;
  // A legal floor or ceiling holds even against an override written to the table behind the API's back.
  const floored = Math.max(value, ruleMinimum(key) ?? value);
  return Math.min(floored, ruleMaximum(key) ?? floored);
}

/** The ceiling of a rule set by a standard or law, if it has one. */
export function ruleMaximum(key: RuleKey): number | undefined {
  const def: Rule = RULES[key];
  return def.maximum;
}

/** The legal floor of a rule, if it has one. */
export function ruleMinimum(key: RuleKey): number | undefined {
  const def: Rule = RULES[key];
  return def.minimum;
}

/** The override in effect for a rule, if any. */
export function ruleOverride(key: RuleKey): RuleOverride | undefined {
  return effective.get(key);
}

export function setEffectiveOverrides(overrides: Map<RuleKey, RuleOverride>): void {
  effective = overrides;
}

export function isRuleKey(key: string): key is RuleKey {
  return Object.hasOwn(RULES, key);
}
