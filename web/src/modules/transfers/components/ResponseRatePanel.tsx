import { useState } from 'react';
import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { formatRate } from '../../dues/utils/percent';
import { fetchResponseStats } from '../api/transfer-api';
import { useDrillPath } from '../hooks/useDrillPath';
import { useFetched } from '../hooks/useFetched';
import { DrillBreadcrumb } from './DrillBreadcrumb';
import { RateBarChart } from './RateBarChart';
import { ResponseRateTable } from './ResponseRateTable';

/**
 * 及时响应率: how many of the decisions an organization's subtree took came within the response
 * time, transfers still waiting past it counting as late; the organization and each direct child.
 */
export function ResponseRatePanel({ reloadToken }: { reloadToken: number }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const drill = useDrillPath();
  const [rootName, setRootName] = useState<string>();
  const stats = useFetched((signal) => fetchResponseStats(drill.orgId, signal), `${drill.orgId ?? ''}:${reloadToken}`);
  const data = stats.data;
  if (data && drill.path.length === 0 && rootName !== data.org.name) setRootName(data.org.name);
  const charted = (data?.children ?? []).filter((row) => row.rate !== null).map((row) => ({ name: row.name, rate: row.rate! }));

  return (
    <Flex vertical gap={12}>
      <DrillBreadcrumb rootName={rootName} path={drill.path} onBack={drill.backTo} />
      {stats.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(stats.error)}
          action={
            <Button size="small" onClick={stats.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && stats.error === null && <Skeleton active />}
      {data && (
        <>
          <Typography.Text type="secondary">
            {t('response.intro', { name: data.org.name, hours: data.hours, rate: formatRate(data.org.rate, t('common.none')) })}
          </Typography.Text>
          {charted.length > 1 && <RateBarChart title={t('response.chartTitle', { hours: data.hours })} rows={charted} />}
          <ResponseRateTable data={data} loading={stats.loading} onDrill={(row) => drill.down({ orgId: row.orgId, name: row.name })} />
        </>
      )}
    </Flex>
  );
}
