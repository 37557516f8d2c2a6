import { Alert, Form } from 'antd';
import { useT } from '../../../i18n';
import { OrgTreeSelect } from '../../org/components/OrgTreeSelect';
import { restoreMember } from '../api/member-status-api';
import { useMemberEnums } from '../hooks/useMemberEnums';
import type { Member } from '../types/member';
import { StatusChangeModal } from './StatusChangeModal';

type Values = { orgId: number; reason: string };

type Props = { member: Member; onClose: () => void; onDone: (member: Member) => void };

/** 恢复团籍: back to normal standing, in an active 团支部 the post may see. */
export function MemberRestoreModal({ member, onClose, onDone }: Props) {
  const t = useT();
  const enums = useMemberEnums();

  return (
    <StatusChangeModal<Values>
      title={t('member.restoreTitle', { name: member.name })}
      okText={t('member.restore')}
      fields={['orgId']}
      reasonPlaceholder={t('member.restoreReasonPlaceholder')}
      submit={({ orgId, reason }) => restoreMember(member.id, orgId, reason)}
      onDone={onDone}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        title={t('member.restoreHint', {
          status: enums.label('statuses', member.status),
          branch: member.orgName,
        })}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="orgId"
        label={t('member.restoreBranch')}
        rules={[{ required: true, message: t('member.required.restoreBranch') }]}
      >
        <OrgTreeSelect
          placeholder={t('member.required.restoreBranch')}
          selectable={(node) => node.type === 'branch' && node.status === 'active'}
        />
      </Form.Item>
    </StatusChangeModal>
  );
}
