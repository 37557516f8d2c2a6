import { Alert, Form, Radio } from 'antd';
import { useT, type MessageKey } from '../../../i18n';
import { requestExit } from '../api/member-status-api';
import { useMemberEnums } from '../hooks/useMemberEnums';
import type { Member } from '../types/member';
import { EXIT_KINDS, type ExitKind } from '../types/member-status';
import { StatusChangeModal } from './StatusChangeModal';

type Values = { kind: ExitKind; reason: string };

const HINTS: Record<ExitKind, MessageKey> = {
  aged_out: 'member.exitHint.aged_out',
  lapsed: 'member.exitHint.lapsed',
  withdrawn: 'member.exitHint.withdrawn',
  expelled: 'member.exitHint.expelled',
};

type Props = {
  member: Member;
  /** Preselected, e.g. 满28周岁离团 from the 超龄待离团 worklist. */
  initialKind?: ExitKind;
  onClose: () => void;
  onDone: (member: Member) => void;
};

/** 发起团籍变动: the kind and why; the parent organization decides. */
export function MemberExitRequestModal({ member, initialKind, onClose, onDone }: Props) {
  const t = useT();
  const enums = useMemberEnums();

  return (
    <StatusChangeModal<Values>
      title={t('member.exitRequestTitle', { name: member.name })}
      okText={t('member.exitRequestSubmit')}
      initialValues={initialKind ? { kind: initialKind } : undefined}
      fields={['kind']}
      reasonPlaceholder={t('member.exitReasonPlaceholder')}
      submit={({ kind, reason }) => requestExit(member.id, kind, reason)}
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item
        name="kind"
        label={t('member.exitKind')}
        rules={[{ required: true, message: t('member.required.exitKind') }]}
      >
        <Radio.Group
          vertical
          options={EXIT_KINDS.map((kind) => ({ value: kind, label: enums.label('statuses', kind) }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(prev: Values, next: Values) => prev.kind !== next.kind}>
        {({ getFieldValue }) => {
          const kind = getFieldValue('kind') as ExitKind | undefined;
          return (
            <Alert
              type={kind === 'expelled' ? 'warning' : 'info'}
              showIcon
              title={kind ? t(HINTS[kind]) : t('member.exitNeedsApproval')}
              description={kind ? t('member.exitNeedsApproval') : undefined}
              style={{ marginBottom: 16 }}
            />
          );
        }}
      </Form.Item>
    </StatusChangeModal>
  );
}
