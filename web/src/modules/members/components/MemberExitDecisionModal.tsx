import { Alert, Form, Radio } from 'antd';
import { useT } from '../../../i18n';
import { decideExit } from '../api/member-status-api';
import { useMemberEnums } from '../hooks/useMemberEnums';
import type { Member } from '../types/member';
import type { ExitDecision } from '../types/member-status';
import { StatusChangeModal } from './StatusChangeModal';

type Values = { decision: ExitDecision; reason: string };

type Props = { member: Member; onClose: () => void; onDone: (member: Member) => void };

/** 审批: the parent organization approves the pending exit (it takes effect) or sends it back. */
export function MemberExitDecisionModal({ member, onClose, onDone }: Props) {
  const t = useT();
  const enums = useMemberEnums();
  const exitStatus = member.status.replace(/_pending$/, '');

  return (
    <StatusChangeModal<Values>
      title={t('member.decideTitle', { name: member.name })}
      okText={t('member.decideSubmit')}
      fields={['decision']}
      reasonLabel={t('member.decisionReason')}
      reasonPlaceholder={t('member.decisionReasonPlaceholder')}
      submit={({ decision, reason }) => decideExit(member.id, decision, reason)}
      onDone={onDone}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        title={t('member.pendingAlert', { status: enums.label('statuses', member.status) })}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="decision"
        label={t('member.decision')}
        rules={[{ required: true, message: t('member.required.decision') }]}
      >
        <Radio.Group
          vertical
          options={[
            {
              value: 'approve',
              label: `${t('member.decision.approve')}（${t('member.decisionHint.approve', { status: enums.label('statuses', exitStatus) })}）`,
            },
            { value: 'reject', label: `${t('member.decision.reject')}（${t('member.decisionHint.reject')}）` },
          ]}
        />
      </Form.Item>
    </StatusChangeModal>
  );
}
