import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Typography } from 'antd';
import { isAbortError } from '../api/client';
import { useT } from '../i18n';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { fetchHandledRequests } from '../modules/privacy/api/subject-requests-api';
import { DecisionModal } from '../modules/privacy/components/DecisionModal';
import { HandledRequestTable } from '../modules/privacy/components/HandledRequestTable';
import type { HandledRequest } from '../modules/privacy/types/handled-request';

/** 个人信息申请: members' correction, deletion and restriction requests in the post's scope, to accept or refuse. */
export default function SubjectRequestsPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [data, setData] = useState<{ items: HandledRequest[]; responseDays: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const [deciding, setDeciding] = useState<{ request: HandledRequest; decision: 'accept' | 'refuse' } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchHandledRequests(filter === 'open' ? 'open' : undefined, controller.signal)
      .then(setData, (err: unknown) => {
        if (!isAbortError(err)) setError(err);
      })
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [filter, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('privacy.handle.title')}
      </Typography.Title>
      {data && <Typography.Text type="secondary">{t('privacy.handle.intro', { days: data.responseDays })}</Typography.Text>}
      <Card size="small">
        <Flex vertical gap={12}>
          <Segmented
            style={{ width: 'fit-content' }}
            value={filter}
            onChange={(v) => setFilter(v as 'open' | 'all')}
            options={[
              { value: 'open', label: t('privacy.handle.filter.open') },
              { value: 'all', label: t('privacy.handle.filter.all') },
            ]}
          />
          {error !== null && (
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
          )}
          <HandledRequestTable items={data?.items ?? []} loading={loading} onDecide={(request, decision) => setDeciding({ request, decision })} />
        </Flex>
      </Card>
      <DecisionModal request={deciding?.request ?? null} decision={deciding?.decision ?? 'accept'} onClose={() => setDeciding(null)} onDone={reload} />
    </Flex>
  );
}
