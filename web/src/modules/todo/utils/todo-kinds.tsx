import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BellOutlined,
  ClockCircleOutlined,
  FileDoneOutlined,
  FormOutlined,
  IdcardOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  SwapOutlined,
  UserDeleteOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../../../i18n';

type KindLook = { label: MessageKey; hint: MessageKey; icon: ReactNode };

/** How each kind of to-do reads: its name, what to do about it, its icon. */
export const TODO_KINDS: Record<string, KindLook> = {
  transfer_decisions: { label: 'todo.kind.transfer_decisions', hint: 'todo.hint.transfer_decisions', icon: <SwapOutlined /> },
  transfers_returned: { label: 'todo.kind.transfers_returned', hint: 'todo.hint.transfers_returned', icon: <RollbackOutlined /> },
  exit_approvals: { label: 'todo.kind.exit_approvals', hint: 'todo.hint.exit_approvals', icon: <UserDeleteOutlined /> },
  admission_decisions: { label: 'todo.kind.admission_decisions', hint: 'todo.hint.admission_decisions', icon: <SolutionOutlined /> },
  evaluation_approvals: { label: 'todo.kind.evaluation_approvals', hint: 'todo.hint.evaluation_approvals', icon: <FileDoneOutlined /> },
  dues_lapse_warnings: { label: 'todo.kind.dues_lapse_warnings', hint: 'todo.hint.dues_lapse_warnings', icon: <WarningOutlined /> },
  age_out: { label: 'todo.kind.age_out', hint: 'todo.hint.age_out', icon: <ClockCircleOutlined /> },
  workplan_reminders: { label: 'todo.kind.workplan_reminders', hint: 'todo.hint.workplan_reminders', icon: <BellOutlined /> },
  workplan_reports_due: { label: 'todo.kind.workplan_reports_due', hint: 'todo.hint.workplan_reports_due', icon: <FormOutlined /> },
  subject_requests: { label: 'todo.kind.subject_requests', hint: 'todo.hint.subject_requests', icon: <IdcardOutlined /> },
  minor_access_approvals: { label: 'todo.kind.minor_access_approvals', hint: 'todo.hint.minor_access_approvals', icon: <SafetyCertificateOutlined /> },
};

export const UNKNOWN_KIND: KindLook = { label: 'todo.kind.other', hint: 'todo.hint.other', icon: <AuditOutlined /> };
