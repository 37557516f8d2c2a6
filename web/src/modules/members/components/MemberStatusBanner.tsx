import { Alert, Button } from 'antd';
import { AuditOutlined, UndoOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useMemberEnums } from '../hooks/useMemberEnums';
import type { Member } from '../types/member';
import { isExitedStatus, isPendingStatus } from '../types/member-status';

type Props = { member: Member; onAction: (action: 'decide' | 'restore') => void };

/** A pending exit waiting for 审批, or a completed exit that may be undone with 恢复团籍. */
export function MemberStatusBanner({ member, onAction }: Props) {
  const t = useT();
  const can = useCan();
  const enums = useMemberEnums();
  const status = enums.label('statuses', member.status);

  if (isPendingStatus(member.status)) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('member.pendingAlert', { status })}
        action={
          can('member.approve') && (
            <Button size="small" type="primary" icon={<AuditOutlined />} onClick={() => onAction('decide')}>
              {t('member.decide')}
            </Button>
          )
        }
      />
    );
  }
  if (isExitedStatus(member.status)) {
    return (
      <Alert
        type={member.status === 'expelled' ? 'error' : 'info'}
        showIcon
        title={t('member.exitedAlert', { status })}
        action={
          can('member.status') && (
            <Button size="small" icon={<UndoOutlined />} onClick={() => onAction('restore')}>
              {t('member.restore')}
            </Button>
          )
        }
      />
    );
  }
  return null;
}
