import { Button, Flex, Progress, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import type { GraduateBatch } from '../types/graduate';

type Props = {
  batches: GraduateBatch[];
  loading: boolean;
  targetPercent: number | undefined;
  onOpen: (batch: GraduateBatch) => void;
};

/** 毕业生批次: each school's year with how many graduates are placed, under way and still to arrange. */
export function GraduateBatchTable({ batches, loading, targetPercent, onOpen }: Props) {
  const t = useT();
  const count = (value: number) => (value === 0 ? <Typography.Text type="secondary">0</Typography.Text> : value);
  const columns: TableProps<GraduateBatch>['columns'] = [
    {
      key: 'name',
      title: t('graduate.col.batch'),
      width: 240,
      render: (_, batch) => (
        <Flex vertical gap={0} align="start">
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onOpen(batch)}>
            {batch.name}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {batch.schoolName}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'year', title: t('graduate.col.year'), width: 80, render: (_, batch) => t('graduate.yearLabel', { year: batch.year }) },
    { key: 'graduates', title: t('graduate.col.graduates'), width: 80, align: 'end', render: (_, batch) => batch.graduates },
    { key: 'settled', title: t('graduate.col.settled'), width: 80, align: 'end', render: (_, batch) => count(batch.settled) },
    { key: 'inTransfer', title: t('graduate.col.inTransfer'), width: 80, align: 'end', render: (_, batch) => count(batch.inTransfer) },
    {
      key: 'unassigned',
      title: t('graduate.col.unassigned'),
      width: 80,
      align: 'end',
      render: (_, batch) => (batch.unassigned > 0 ? <Typography.Text type="warning">{batch.unassigned}</Typography.Text> : count(0)),
    },
    {
      key: 'rate',
      title: t('graduate.col.rate'),
      width: 200,
      render: (_, batch) => {
        const percent = batch.rate === null ? 0 : Math.round(batch.rate * 1000) / 10;
        const meets = targetPercent !== undefined && percent >= targetPercent;
        return (
          <Progress
            percent={percent}
            size="small"
            status={meets ? 'success' : 'normal'}
            strokeColor={meets ? undefined : '#fa8c16'}
            format={(value) => `${value ?? 0}%`}
          />
        );
      },
    },
  ];

  return (
    <Table<GraduateBatch>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={batches}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('graduate.noBatches') }}
    />
  );
}
