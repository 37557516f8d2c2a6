import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Skeleton, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { EditOutlined, EyeInvisibleOutlined, EyeOutlined, SwapOutlined } from '@ant-design/icons';
import { isAbortError, isApiError } from '../../../api/client';
import { useLang, useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { formatTime } from '../../common/utils/format-time';
import { getMember } from '../api/member-api';
import { useMemberEnums } from '../hooks/useMemberEnums';
import { useStatusHistory } from '../hooks/useStatusHistory';
import type { Member, RevealedMember } from '../types/member';
import { MemberRevealModal } from './MemberRevealModal';
import { MemberStatusBanner } from './MemberStatusBanner';
import { MemberStatusDialog, type StatusDialog } from './MemberStatusDialog';
import { MemberStatusTag } from './MemberStatusTag';
import { MemberStatusTimeline } from './MemberStatusTimeline';
import { PartyMemberTag } from './PartyMemberTag';
import { OpenMemberAccountButton } from '../../accounts/components/OpenMemberAccountButton';
import { MinorAccessGate } from '../../minors/components/MinorAccessGate';
import { MinorGrantBanner } from '../../minors/components/MinorGrantBanner';
import { MinorLabelTag } from '../../minors/components/MinorLabelTag';

type Props = {
  memberId: number;
  onClose: () => void;
  onEdit: (member: Member) => void;
  /** After a 团籍变动, so that the page can refresh its list and worklist counts. */
  onStatusChanged?: (member: Member) => void;
  reloadToken?: number;
};

/**
 * Every field of one member. The ID and phone arrive masked; the full values, fetched on request
 * with a reason, live only in this component's state and go when the drawer closes.
 */
export function MemberDetailDrawer({ memberId, onClose, onEdit, onStatusChanged, reloadToken }: Props) {
  const t = useT();
  const { lang } = useLang();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const enums = useMemberEnums();
  const screens = Grid.useBreakpoint();
  const [member, setMember] = useState<Member | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revealed, setRevealed] = useState<RevealedMember | null>(null);
  const [asking, setAsking] = useState(false);
  const [dialog, setDialog] = useState<StatusDialog | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  // A minor's record opens after an approval: the gate asks to try again.
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const approvalRequired = isApiError(error) && error.code === 'APPROVAL_REQUIRED';
  const history = useStatusHistory(memberId, (reloadToken ?? 0) + historyVersion);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    // After an edit the stored numbers may have changed: what was revealed no longer holds.
    setRevealed(null);
    getMember(memberId, controller.signal).then(setMember, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
  }, [memberId, reloadToken, attempt]);

  const none = t('common.none');
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  const mono = (value: string) => <span className="tw-mono">{value}</span>;

  // One label width for every section, so that the values line up from top to bottom.
  const section = (title: string, items: DescriptionsProps['items']) => (
    <Descriptions
      title={title}
      column={1}
      bordered
      size="small"
      items={items}
      styles={{ label: { width: lang === 'en-US' ? 190 : 128 } }}
    />
  );

  const revealToggle =
    can('member.reveal') &&
    (revealed ? (
      <Button type="link" size="small" icon={<EyeInvisibleOutlined />} onClick={() => setRevealed(null)}>
        {t('member.hideFull')}
      </Button>
    ) : (
      <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)}>
        {t('member.reveal')}
      </Button>
    ));

  const phone = revealed ? revealed.phone : member?.phoneMasked;

  const body = member && (
    <Flex vertical gap={16}>
      <MinorGrantBanner subject={{ type: 'member', id: member.id }} labels={member.labels} />
      <MemberStatusBanner member={member} onAction={(kind) => setDialog({ kind })} />
      {revealed && <Alert type="warning" showIcon title={t('member.revealLogged')} />}
      {section(t('member.section.basic'), [
        { key: 'name', label: t('member.field.name'), children: member.name },
        { key: 'branch', label: t('member.field.branch'), children: member.orgName },
        {
          key: 'status',
          label: t('member.field.status'),
          children: (
            <Space size={4} wrap>
              <MemberStatusTag status={member.status} />
              {member.partyMemberKeepingMembership && <PartyMemberTag />}
              <MinorLabelTag labels={member.labels} />
            </Space>
          ),
        },
        { key: 'idType', label: t('member.field.idType'), children: enums.label('idTypes', member.idType) },
        {
          key: 'idNumber',
          label: t('member.field.idNumber'),
          children: (
            <Space size={4} wrap>
              {mono(revealed?.idNumber ?? member.idNumberMasked)}
              {revealToggle}
            </Space>
          ),
        },
        {
          key: 'birthDate',
          label: t('member.field.birthDate'),
          children: t('member.birthWithAge', { date: member.birthDate, age: member.age }),
        },
        { key: 'sex', label: t('member.field.sex'), children: t(member.sex === 'male' ? 'member.sex.male' : 'member.sex.female') },
        { key: 'ethnicity', label: t('member.field.ethnicity'), children: enums.label('ethnicities', member.ethnicity) },
        {
          key: 'politicalStatus',
          label: t('member.field.politicalStatus'),
          children: enums.label('politicalStatuses', member.politicalStatus),
        },
        {
          key: 'educationFullTime',
          label: t('member.field.educationFullTime'),
          children: enums.label('educationLevels', member.educationFullTime) || none,
        },
        {
          key: 'educationHighest',
          label: t('member.field.educationHighest'),
          children: enums.label('educationLevels', member.educationHighest) || none,
        },
        { key: 'occupation', label: t('member.field.occupation'), children: enums.label('occupations', member.occupation) },
        { key: 'incomeBand', label: t('member.field.incomeBand'), children: enums.label('incomeBands', member.incomeBand) || none },
      ])}
      {section(t('member.section.league'), [
        { key: 'joinedLeagueOn', label: t('member.field.joinedLeagueOn'), children: member.joinedLeagueOn },
        {
          key: 'developmentNumber',
          label: t('member.field.developmentNumber'),
          children: member.developmentNumber ? mono(member.developmentNumber) : none,
        },
        { key: 'leaguePost', label: t('member.field.leaguePost'), children: enums.leaguePostLabel(member.leaguePost) || none },
        { key: 'isCadre', label: t('member.field.isCadre'), children: yesNo(member.isCadre) },
        ...(member.isCadre
          ? [
              {
                key: 'cadreNature',
                label: t('member.field.cadreNature'),
                children: enums.label('cadreNatures', member.cadreNature) || none,
              },
            ]
          : []),
        { key: 'joinedPartyOn', label: t('member.field.joinedPartyOn'), children: member.joinedPartyOn ?? none },
        {
          key: 'volunteerRegisteredOn',
          label: t('member.field.volunteerRegisteredOn'),
          children: member.volunteerRegisteredOn ?? none,
        },
      ])}
      {section(t('member.section.contact'), [
        {
          key: 'phone',
          label: t('member.field.phone'),
          children: phone ? mono(phone) : none,
        },
        { key: 'household', label: t('member.field.household'), children: member.household ?? none },
        { key: 'workplace', label: t('member.field.workplace'), children: member.workplace ?? none },
      ])}
      <div>
        <Typography.Title level={5} className="tw-section-title">
          {t('member.history')}
        </Typography.Title>
        {history.error !== null && <Alert type="error" showIcon title={errorMessage(history.error)} />}
        {history.items === null && history.error === null && <Skeleton active paragraph={{ rows: 2 }} />}
        {history.items && <MemberStatusTimeline items={history.items} />}
      </div>
      {section(t('member.section.record'), [
        { key: 'id', label: t('member.field.id'), children: member.id },
        { key: 'createdAt', label: t('member.field.createdAt'), children: formatTime(member.createdAt) },
        { key: 'updatedAt', label: t('member.field.updatedAt'), children: formatTime(member.updatedAt) },
      ])}
    </Flex>
  );

  return (
    <Drawer
      open
      title={member ? member.name : t('member.detailTitle')}
      onClose={onClose}
      size={screens.md === false ? '100%' : 560}
      destroyOnHidden
      extra={
        member && (
          <Space size={8}>
            {can('member.status') && member.status === 'normal' && (
              <Button icon={<SwapOutlined />} onClick={() => setDialog({ kind: 'request' })}>
                {t('member.exitRequest')}
              </Button>
            )}
            {can('member.update') && (
              <Button icon={<EditOutlined />} onClick={() => onEdit(member)}>
                {t('member.edit')}
              </Button>
            )}
            <OpenMemberAccountButton member={member} />
          </Space>
        )
      }
    >
      {approvalRequired && <MinorAccessGate subject={{ type: 'member', id: memberId }} onRetry={retry} />}
      {error !== null && !approvalRequired && <Alert type="error" showIcon title={errorMessage(error)} />}
      {!member && error === null && <Skeleton active />}
      {body}
      {dialog && member && (
        <MemberStatusDialog
          member={member}
          dialog={dialog}
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            setDialog(null);
            setMember(updated);
            setHistoryVersion((v) => v + 1);
            onStatusChanged?.(updated);
          }}
        />
      )}
      {asking && member && (
        <MemberRevealModal
          member={member}
          onClose={() => setAsking(false)}
          onRevealed={(values) => {
            setAsking(false);
            setRevealed(values);
          }}
        />
      )}
    </Drawer>
  );
}
