import type { ErrorCode } from './app-error.ts';

function assertUnreachable(value: never): never {
  throw new Error(`unmapped error code ${String(value)}`);
}

/** The one table from error codes to HTTP statuses. A new code that is not mapped fails to compile. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_REQUEST':
    case 'CREDENTIAL_INVALID':
      return 400;
    case 'UNAUTHENTICATED':
    case 'AUTH_INVALID_CREDENTIALS':
    case 'AUTH_SECOND_FACTOR_INVALID':
    case 'AUTH_CHALLENGE_EXPIRED':
      return 401;
    case 'AUTH_ACCOUNT_DISABLED':
    case 'AUTH_NO_ACTIVE_POST':
    case 'MUST_CHANGE_PASSWORD':
    case 'CSRF_FAILED':
    case 'HTTPS_REQUIRED':
    case 'FORBIDDEN':
    case 'NOT_APPROVER':
    case 'APPROVAL_REQUIRED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'ORG_MOVE_CYCLE':
    case 'ORG_HAS_ACTIVE_CHILDREN':
    case 'MEMBER_STATUS_REFUSED':
    case 'DUES_REFUSED':
    case 'TRANSFER_REFUSED':
    case 'ADMISSION_REFUSED':
    case 'EVALUATION_REFUSED':
    case 'WORKPLAN_REFUSED':
    case 'ACCOUNT_REFUSED':
    case 'ADMISSION_RATIO_WARNING':
      return 409;
    case 'CREDENTIAL_EXPIRED':
      return 410;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'PASSWORD_POLICY':
    case 'ORG_PARENT_INACTIVE':
    case 'ORG_INACTIVE':
    case 'ORG_IS_SCOPE_ROOT':
    case 'EXPORT_TOO_LARGE':
    case 'PLAN_DOCUMENT_UNREADABLE':
      return 422;
    case 'AUTH_LOCKED':
      return 423;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'UPLOAD_NOT_XLSX':
      return 415;
    case 'UPLOAD_UNSAFE_ARCHIVE':
    case 'IMPORT_TOO_MANY_ROWS':
      return 422;
    default:
      return assertUnreachable(code);
  }
}
