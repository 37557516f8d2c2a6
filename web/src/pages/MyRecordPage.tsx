import { Alert, Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { isApiError } from '../api/client';
import { useT } from '../i18n';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { MemberStatusTimeline } from '../modules/members/components/MemberStatusTimeline';
import { MyDuesCard } from '../modules/self/components/MyDuesCard';
import { MyEvaluationCard } from '../modules/self/components/MyEvaluationCard';
import { MyMemberCard } from '../modules/self/components/MyMemberCard';
import { MyPrivacyCard } from '../modules/self/components/MyPrivacyCard';
import { MyTransferCard } from '../modules/self/components/MyTransferCard';
import { useMyMember } from '../modules/self/hooks/useMyMember';

/** 我的团籍: a member's own record, laid out for a phone first. */
export default function MyRecordPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { data, error, reload } = useMyMember();

  if (error !== null) {
    // 404: the account exists but no member record is linked to it yet; the server says whom to ask.
    if (isApiError(error) && error.status === 404) {
      return <Result status="info" title={t('me.notLinkedTitle')} subTitle={errorMessage(error)} />;
    }
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(error)}
        action={
          <Button size="small" onClick={reload}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  return (
    <Flex vertical gap={12} className="tw-me">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('me.title')}
      </Typography.Title>
      {!data ? (
        <Card size="small">
          <Skeleton active />
        </Card>
      ) : (
        <>
          <MyMemberCard member={data.member} />
          <MyTransferCard />
          <MyDuesCard />
          <MyEvaluationCard />
          <Card size="small" title={t('member.history')}>
            <MemberStatusTimeline items={data.history} />
          </Card>
          <MyPrivacyCard memberId={data.member.id} />
        </>
      )}
    </Flex>
  );
}
