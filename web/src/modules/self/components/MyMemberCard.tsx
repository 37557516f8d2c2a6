import { Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useLang, useT } from '../../../i18n';
import { useMemberEnums } from '../../members/hooks/useMemberEnums';
import { MemberStatusTag } from '../../members/components/MemberStatusTag';
import { PartyMemberTag } from '../../members/components/PartyMemberTag';
import type { Member } from '../../members/types/member';

/** One's own record as a card that reads well on a phone: name and status first, then the facts. */
export function MyMemberCard({ member }: { member: Member }) {
  const t = useT();
  const { lang } = useLang();
  const enums = useMemberEnums();
  const none = t('common.none');
  const mono = (value: string) => <span className="tw-mono">{value}</span>;
  const education = enums.label('educationLevels', member.educationHighest ?? member.educationFullTime) || none;

  return (
    <Card size="small" className="tw-me-card">
      <Flex vertical gap={4} className="tw-me-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {member.name}
        </Typography.Title>
        <Typography.Text type="secondary">{member.orgName}</Typography.Text>
        <Space size={4} wrap>
          <MemberStatusTag status={member.status} />
          {member.partyMemberKeepingMembership && <PartyMemberTag />}
        </Space>
      </Flex>
      <Descriptions
        column={1}
        size="small"
        colon={false}
        styles={{ label: { width: lang === 'en-US' ? 150 : 96, color: '#8c8c8c' } }}
        items={[
          { key: 'joined', label: t('member.field.joinedLeagueOn'), children: member.joinedLeagueOn },
          {
            key: 'number',
            label: t('member.field.developmentNumber'),
            children: member.developmentNumber ? mono(member.developmentNumber) : none,
          },
          { key: 'id', label: t('member.field.idNumber'), children: mono(member.idNumberMasked) },
          { key: 'phone', label: t('member.field.phone'), children: member.phoneMasked ? mono(member.phoneMasked) : none },
          {
            key: 'political',
            label: t('member.field.politicalStatus'),
            children: enums.label('politicalStatuses', member.politicalStatus),
          },
          { key: 'education', label: t('me.education'), children: education },
          { key: 'occupation', label: t('member.field.occupation'), children: enums.label('occupations', member.occupation) },
          {
            key: 'post',
            label: t('member.field.leaguePost'),
            children: enums.leaguePostLabel(member.leaguePost) || none,
          },
        ]}
      />
    </Card>
  );
}
