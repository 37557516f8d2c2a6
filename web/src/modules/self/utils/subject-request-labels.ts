import type { MessageKey } from '../../../i18n';
import type { CorrectableField, RequesterKind, SubjectRequestKind, SubjectRequestReason, SubjectRequestStatus } from '../types/subject-request';

export const kindLabel = (kind: SubjectRequestKind): MessageKey => `privacy.kind.${kind}`;
export const statusLabel = (status: SubjectRequestStatus): MessageKey => `privacy.status.${status}`;
export const fieldLabel = (field: CorrectableField): MessageKey => `privacy.field.${field}`;
export const reasonLabel = (reason: SubjectRequestReason): MessageKey => `privacy.reason.${reason}`;
export const requesterLabel = (kind: RequesterKind): MessageKey => `privacy.requester.${kind}`;
export const STATUS_COLORS: Record<SubjectRequestStatus, string> = { open: 'processing', accepted: 'success', refused: 'error' };
