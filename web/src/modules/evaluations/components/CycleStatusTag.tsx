import { Tag } from 'antd';
import { useEvaluationMeta } from '../hooks/useEvaluationMeta';
import type { CycleStatus } from '../types/evaluation';

const COLORS: Record<CycleStatus, string> = { open: 'processing', submitted: 'warning', approved: 'success', returned: 'error' };

/** 进行中 / 待上级审批 / 已审批 / 已退回. */
export function CycleStatusTag({ status }: { status: CycleStatus }) {
  const { status: label } = useEvaluationMeta();
  return <Tag color={COLORS[status] ?? 'default'}>{label(status)}</Tag>;
}
