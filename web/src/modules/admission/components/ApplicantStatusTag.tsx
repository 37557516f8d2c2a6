import { Tag } from 'antd';
import { useT } from '../../../i18n';
import type { ApplicantStatus } from '../types/admission';

const COLORS: Record<ApplicantStatus, string> = { in_progress: 'processing', admitted: 'success', stopped: 'default' };

/** 培养中 / 已入团 / 已终止. */
export function ApplicantStatusTag({ status }: { status: ApplicantStatus }) {
  const t = useT();
  return <Tag color={COLORS[status] ?? 'default'}>{t(`admission.status.${status}`)}</Tag>;
}
