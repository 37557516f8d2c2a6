import { Button, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import { useStatLabels } from '../hooks/useStatLabels';
import type { AgeBand, MemberStats, StatRow } from '../types/member-stats';

type Props = {
  stats: MemberStats;
  loading: boolean;
  /** A child row was chosen: select it in the tree and show its own children. */
  onDrill: (orgId: number) => void;
};

const NUMBER = 76;

/** The organization itself first, then one row per direct child; a child's row drills down. */
export function StatTable({ stats, loading, onDrill }: Props) {
  const t = useT();
  const labels = useStatLabels(stats.ageBands);
  const isTotal = (row: StatRow) => row.orgId === stats.org.orgId;

  const count = (value: number | undefined) =>
    value ? value : <Typography.Text type="secondary">0</Typography.Text>;
  const numberColumn = (key: string, title: string, read: (row: StatRow) => number | undefined, width = NUMBER) => ({
    key,
    title,
    width,
    align: 'end' as const,
    render: (_: unknown, row: StatRow) => count(read(row)),
  });

  const columns: TableProps<StatRow>['columns'] = [
    {
      key: 'name',
      title: t('stats.col.org'),
      fixed: 'start',
      width: 220,
      render: (_, row) =>
        isTotal(row) ? (
          <span>
            <Typography.Text strong>{row.name}</Typography.Text> <Tag>{t('stats.total')}</Tag>
          </span>
        ) : (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={(event) => {
              event.stopPropagation();
              onDrill(row.orgId);
            }}
          >
            {row.name}
          </Button>
        ),
    },
    numberColumn('active', t('stats.col.active'), (row) => row.active, 88),
    numberColumn('cadre', t('stats.col.cadre'), (row) => row.cadre, 88),
    {
      key: 'sex',
      title: t('member.field.sex'),
      children: [
        numberColumn('male', t('member.sex.male'), (row) => row.bySex.male, 64),
        numberColumn('female', t('member.sex.female'), (row) => row.bySex.female, 64),
      ],
    },
    {
      key: 'age',
      title: t('stats.col.ageBands'),
      children: stats.ageBands.map((band: AgeBand) =>
        numberColumn(`age-${band.code}`, labels.ageBand(band.code), (row) => row.byAgeBand[band.code], 92),
      ),
    },
    {
      key: 'field',
      title: t('stats.col.fields'),
      children: labels.fields.map((f) => numberColumn(`field-${f.code}`, f.label, (row) => row.byField[f.code], 104)),
    },
  ];

  return (
    <Table<StatRow>
      rowKey="orgId"
      size="small"
      bordered
      columns={columns}
      dataSource={[stats.org, ...stats.children]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (isTotal(row) ? 'tw-stat-total' : 'tw-stat-drill')}
      onRow={(row) => (isTotal(row) ? {} : { onClick: () => onDrill(row.orgId) })}
    />
  );
}
