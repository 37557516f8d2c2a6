/** Machine codes of every error the API can answer with. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_REQUEST: 'MALFORMED_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  AUTH_LOCKED: 'AUTH_LOCKED',
  AUTH_ACCOUNT_DISABLED: 'AUTH_ACCOUNT_DISABLED',
  AUTH_NO_ACTIVE_POST: 'AUTH_NO_ACTIVE_POST',
  AUTH_SECOND_FACTOR_INVALID: 'AUTH_SECOND_FACTOR_INVALID',
  AUTH_CHALLENGE_EXPIRED: 'AUTH_CHALLENGE_EXPIRED',
  PASSWORD_POLICY: 'PASSWORD_POLICY',
  MUST_CHANGE_PASSWORD: 'MUST_CHANGE_PASSWORD',
  CSRF_FAILED: 'CSRF_FAILED',
  HTTPS_REQUIRED: 'HTTPS_REQUIRED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  ORG_MOVE_CYCLE: 'ORG_MOVE_CYCLE',
  ORG_PARENT_INACTIVE: 'ORG_PARENT_INACTIVE',
  ORG_HAS_ACTIVE_CHILDREN: 'ORG_HAS_ACTIVE_CHILDREN',
  ORG_INACTIVE: 'ORG_INACTIVE',
  ORG_IS_SCOPE_ROOT: 'ORG_IS_SCOPE_ROOT',
  EXPORT_TOO_LARGE: 'EXPORT_TOO_LARGE',
  MEMBER_STATUS_REFUSED: 'MEMBER_STATUS_REFUSED',
  NOT_APPROVER: 'NOT_APPROVER',
  APPROVAL_REQUIRED: 'APPROVAL_REQUIRED',
  DUES_REFUSED: 'DUES_REFUSED',
  TRANSFER_REFUSED: 'TRANSFER_REFUSED',
  ADMISSION_REFUSED: 'ADMISSION_REFUSED',
  EVALUATION_REFUSED: 'EVALUATION_REFUSED',
  WORKPLAN_REFUSED: 'WORKPLAN_REFUSED',
  PLAN_DOCUMENT_UNREADABLE: 'PLAN_DOCUMENT_UNREADABLE',
  ADMISSION_RATIO_WARNING: 'ADMISSION_RATIO_WARNING',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  UPLOAD_NOT_XLSX: 'UPLOAD_NOT_XLSX',
  UPLOAD_UNSAFE_ARCHIVE: 'UPLOAD_UNSAFE_ARCHIVE',
  IMPORT_TOO_MANY_ROWS: 'IMPORT_TOO_MANY_ROWS',
  CREDENTIAL_INVALID: 'CREDENTIAL_INVALID',
  CREDENTIAL_EXPIRED: 'CREDENTIAL_EXPIRED',
  ACCOUNT_REFUSED: 'ACCOUNT_REFUSED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A message for people, Chinese first. */
export type Bilingual = { zh: string; en: string };

/** One invalid field of a request. */
export type FieldError = { field: string; code: string; message: Bilingual };

/** The single error type of the application; the HTTP layer maps its code to a status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly bilingual: Bilingual;
  readonly fields: FieldError[];
  readonly extra: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    options: { message?: Bilingual; fields?: FieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const bilingual = options.message ?? defaultMessages[code];
    // The cause is for the server log only; error bodies never carry it.
    super(bilingual.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.bilingual = bilingual;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
  }
}

/** Throw a validation error for one or more fields. */
export function invalidFields(fields: FieldError[]): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, { fields });
}

export const defaultMessages: Record<ErrorCode, Bilingual> = {
  VALIDATION_FAILED: { zh: '提交的内容有误，请按提示修改后重试', en: 'Some fields are invalid; correct them and try again' },
  MALFORMED_REQUEST: { zh: '请求格式错误，无法解析', en: 'The request could not be parsed' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in first' },
  AUTH_INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_LOCKED: { zh: '登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed sign-ins; the account is locked for a while' },
  AUTH_ACCOUNT_DISABLED: { zh: '账号已停用，请联系上级团组织管理员', en: 'This account is disabled; contact your administrator' },
  AUTH_NO_ACTIVE_POST: { zh: '当前岗位已失效（组织已停用或任职已结束），请切换岗位或联系管理员', en: 'Your current post is no longer active; switch post or contact your administrator' },
  PASSWORD_POLICY: { zh: '新密码不符合密码策略', en: 'The new password does not meet the password policy' },
  MUST_CHANGE_PASSWORD: { zh: '请先修改密码（初始密码或已到期的密码）', en: 'Change your password first (an initial or expired one)' },
  AUTH_SECOND_FACTOR_INVALID: { zh: '动态验证码不正确或已使用，请输入验证器上最新的6位数字', en: 'The code is wrong or already used; enter the newest 6 digits from your authenticator' },
  AUTH_CHALLENGE_EXPIRED: { zh: '验证已超时，请重新输入用户名和密码', en: 'The sign-in timed out; enter your username and password again' },
  CSRF_FAILED: { zh: '页面已过期，请刷新后重试', en: 'The page is out of date; reload and try again' },
  HTTPS_REQUIRED: { zh: '请通过 https:// 地址访问本系统，明文连接不受理', en: 'Use the https:// address; requests over plain HTTP are refused' },
  FORBIDDEN: { zh: '当前岗位没有此项操作权限', en: 'Your current post may not do this' },
  NOT_FOUND: { zh: '未找到该对象，或不在您的管辖范围内', en: 'Not found, or outside your scope' },
  CONFLICT: { zh: '数据已被他人修改或存在冲突，请刷新后重试', en: 'The data changed or conflicts; reload and try again' },
  ORG_MOVE_CYCLE: { zh: '不能把组织移动到它自己或它的下级组织之下', en: 'An organization cannot move under itself or its own descendants' },
  ORG_PARENT_INACTIVE: { zh: '上级组织已停用，请选择正常状态的上级组织', en: 'The parent organization is inactive; choose an active one' },
  ORG_HAS_ACTIVE_CHILDREN: { zh: '该组织还有未停用的下级组织，请先停用或转移下级组织', en: 'Deactivate or move its active child organizations first' },
  ORG_INACTIVE: { zh: '该组织已停用，请先启用', en: 'The organization is inactive; reactivate it first' },
  ORG_IS_SCOPE_ROOT: { zh: '不能移动或停用您所在岗位的组织本身，请由上级组织操作', en: 'Your own post organization can only be moved or deactivated by the level above' },
  MEMBER_STATUS_REFUSED: { zh: '当前状态下不能办理该团籍变动', en: 'This status change is not possible now' },
  NOT_APPROVER: { zh: '团籍变动须由该团员所在团支部的上级组织审批', en: 'Only an organization above the member\'s branch may approve' },
  APPROVAL_REQUIRED: { zh: '该记录含未成年人敏感信息，查看或导出须经负责人审批：请先提交“申请查看未成年人信息”，批准后在有效期内可查看', en: 'This record holds a minor\'s sensitive data; opening or exporting it needs an approval: request access first, then open it while the approval lasts' },
  DUES_REFUSED: { zh: '当前不能办理该团费操作', en: 'This dues operation is not possible now' },
  TRANSFER_REFUSED: { zh: '当前不能办理该组织关系转接操作', en: 'This transfer step is not possible now' },
  ADMISSION_REFUSED: { zh: '当前不能办理该发展团员步骤', en: 'This admission step is not possible now' },
  EVALUATION_REFUSED: { zh: '当前不能办理该团籍注册或教育评议操作', en: 'This registration or evaluation step is not possible now' },
  WORKPLAN_REFUSED: { zh: '当前不能办理该工作要点操作', en: 'This work plan action is not possible now' },
  PLAN_DOCUMENT_UNREADABLE: { zh: '无法识别该文件，请上传 Word（.docx）或纯文本（.txt）格式的工作要点', en: 'The file could not be read; upload the plan as Word (.docx) or plain text (.txt)' },
  ADMISSION_RATIO_WARNING: { zh: '批准后团青比将超过上限，请确认后再批准', en: 'Approving would take the member share over its cap; confirm to approve anyway' },
  EXPORT_TOO_LARGE: { zh: '导出行数超过上限，请缩小筛选范围后分批导出', en: 'Too many rows to export; narrow the filter and export in parts' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  SERVICE_UNAVAILABLE: { zh: '服务暂不可用，请稍后再试', en: 'Service unavailable; try again later' },
  INTERNAL: { zh: '系统内部错误，请稍后再试或联系管理员', en: 'Internal error; try again later or contact the administrator' },
  UPLOAD_NOT_XLSX: { zh: '上传的文件不是Excel工作簿（.xlsx）。请用下载的模板填写，并以“Excel工作簿(*.xlsx)”格式保存后上传', en: 'The file is not an Excel workbook (.xlsx). Fill in the template and save it as an Excel workbook (*.xlsx)' },
  UPLOAD_UNSAFE_ARCHIVE: { zh: '文件结构异常（解压后过大、内部文件过多或已损坏），为安全起见已拒绝。请在Excel中打开后另存为新的.xlsx文件再上传', en: 'The file is malformed (too large when unpacked, too many parts, or damaged) and was refused. Open it in Excel, save it as a new .xlsx file and upload that' },
  IMPORT_TOO_MANY_ROWS: { zh: '文件行数超过单次导入上限，请拆分为多个文件分别上传', en: 'The file has more rows than one import may hold; split it into several files' },
  CREDENTIAL_INVALID: { zh: '激活码或链接无效，请核对后重新输入，或请管理员重新生成', en: 'The activation code or link is not valid; check it, or ask your administrator for a new one' },
  CREDENTIAL_EXPIRED: { zh: '激活码或链接已过期、已使用或已作废，请联系管理员重新生成', en: 'The activation code or link has expired, was already used or was replaced; ask your administrator for a new one' },
  ACCOUNT_REFUSED: { zh: '当前不能对该账号办理此操作', en: 'This account action is not possible now' },
};
