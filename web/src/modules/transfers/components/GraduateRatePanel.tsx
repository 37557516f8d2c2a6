import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { fetchGraduateRate } from '../api/graduate-api';
import { useDrillPath } from '../hooks/useDrillPath';
import { useFetched } from '../hooks/useFetched';
import { DrillBreadcrumb } from './DrillBreadcrumb';
import { GraduateRateTable } from './GraduateRateTable';
import { RateBarChart } from './RateBarChart';

// The years a school still reports on: this one and the four before it.
const YEARS_SHOWN = 5;

/**
 * 毕业生团员组织关系转接率 of a graduation year: the organization and each direct child against the
 * target, as a chart of the children with graduates and as a table; a child's row goes one level down.
 * `reloadKey` changes when the page is refreshed or a batch changed.
 */
export function GraduateRatePanel({ thisYear, reloadKey }: { thisYear: number; reloadKey: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [year, setYear] = useState(thisYear);
  const drill = useDrillPath();
  const [rootName, setRootName] = useState<string>();
  const rate = useFetched((signal) => fetchGraduateRate(year, drill.orgId, signal), `${year}:${drill.orgId ?? ''}:${reloadKey}`);
  const data = rate.data;
  if (data && drill.path.length === 0 && rootName !== data.org.name) setRootName(data.org.name);
  const charted = (data?.children ?? []).filter((row) => row.rate !== null).map((row) => ({ name: row.name, rate: row.rate! }));

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('graduate.rateTitle')}
        </Typography.Title>
        <Select
          value={year}
          onChange={setYear}
          aria-label={t('graduate.year')}
          options={Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i).map((y) => ({ value: y, label: t('graduate.yearLabel', { year: y }) }))}
          style={{ width: 120 }}
        />
      </Flex>
      <DrillBreadcrumb rootName={rootName} path={drill.path} onBack={drill.backTo} />
      {rate.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(rate.error)}
          action={
            <Button size="small" onClick={rate.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && rate.error === null && <Skeleton active />}
      {data && (
        <>
          <Typography.Text type="secondary">
            {t('graduate.rateIntro', {
              name: data.org.name,
              year: data.year,
              graduates: data.org.graduates,
              settled: data.org.settled,
              target: data.targetPercent,
            })}
          </Typography.Text>
          {charted.length > 0 ? (
            <RateBarChart
              title={t('graduate.chartTitle', { year: data.year })}
              rows={charted}
              targetPercent={data.targetPercent}
              targetLabel={t('graduate.targetLine', { percent: data.targetPercent })}
            />
          ) : (
            <Card size="small">
              <Typography.Text type="secondary">{t('graduate.noChildGraduates', { year: data.year })}</Typography.Text>
            </Card>
          )}
          <GraduateRateTable data={data} loading={rate.loading} onDrill={(row) => drill.down({ orgId: row.orgId, name: row.name })} />
        </>
      )}
    </Flex>
  );
}
