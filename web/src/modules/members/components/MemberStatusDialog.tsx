import { App } from 'antd';
import { useT } from '../../../i18n';
import type { Member } from '../types/member';
import type { ExitKind } from '../types/member-status';
import { MemberExitDecisionModal } from './MemberExitDecisionModal';
import { MemberExitRequestModal } from './MemberExitRequestModal';
import { MemberRestoreModal } from './MemberRestoreModal';

export type StatusDialog = { kind: 'request'; initialKind?: ExitKind } | { kind: 'decide' } | { kind: 'restore' };

type Props = {
  member: Member;
  dialog: StatusDialog;
  onClose: () => void;
  onDone: (member: Member) => void;
};

/** Whichever 团籍变动 dialog is open, and the message that confirms what happened. */
export function MemberStatusDialog({ member, dialog, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();

  const done = (updated: Member) => {
    if (dialog.kind === 'request') message.success(t('member.exitRequested', { name: updated.name }));
    else if (dialog.kind === 'restore') message.success(t('member.restored', { name: updated.name }));
    else if (updated.status === 'normal') message.success(t('member.exitRejected', { name: updated.name }));
    else message.success(t('member.exitApproved', { name: updated.name }));
    onDone(updated);
  };

  switch (dialog.kind) {
    case 'request':
      return <MemberExitRequestModal member={member} initialKind={dialog.initialKind} onClose={onClose} onDone={done} />;
    case 'decide':
      return <MemberExitDecisionModal member={member} onClose={onClose} onDone={done} />;
    case 'restore':
      return <MemberRestoreModal member={member} onClose={onClose} onDone={done} />;
  }
}
