import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { RatioRow, StageRatio, YouthRatios } from '../types/admission';

type Props = {
  ratios: YouthRatios;
  loading: boolean;
  /** Undefined: the post may not record youth counts. */
  onEditYouth?: (row: RatioRow, stage: StageRatio) => void;
  onDrill: (orgId: number) => void;
};

/** Per stage: members of that stage's branches, young people recorded, and the share against its cap. */
export function RatioTable({ ratios, loading, onEditYouth, onDrill }: Props) {
  const t = useT();
  const { meta, stage: stageName } = useAdmissionMeta();
  const none = t('common.none');
  const isTotal = (row: RatioRow) => row.orgId === ratios.org.orgId;
  const stageOf = (row: RatioRow, code: string) => row.stages.find((s) => s.stage === code);

  const stageColumns = (meta?.stages ?? []).map((stage) => ({
    key: stage.code,
    title: t('admission.ratio.stageTitle', { stage: stageName(stage.code), cap: ratios.org.stages.find((s) => s.stage === stage.code)?.capPercent ?? '' }),
    children: [
      {
        key: `${stage.code}-members`,
        title: t('admission.ratio.col.members'),
        width: 64,
        align: 'end' as const,
        render: (_: unknown, row: RatioRow) => stageOf(row, stage.code)?.members ?? none,
      },
      {
        key: `${stage.code}-youth`,
        title: t('admission.ratio.col.youth'),
        width: onEditYouth ? 104 : 80,
        align: 'end' as const,
        render: (_: unknown, row: RatioRow) => {
          const s = stageOf(row, stage.code);
          if (!s) return none;
          return (
            <Flex gap={2} justify="end" align="center">
              {s.youth > 0 ? s.youth : <Typography.Text type="secondary">{t('admission.ratio.noYouth')}</Typography.Text>}
              {onEditYouth && (
                <Tooltip title={t('admission.youth.open')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('admission.youth.editLabel', { name: row.name, stage: stageName(stage.code) })}
                    onClick={() => onEditYouth(row, s)}
                  />
                </Tooltip>
              )}
            </Flex>
          );
        },
      },
      {
        key: `${stage.code}-percent`,
        title: t('admission.ratio.col.percent'),
        width: 76,
        align: 'end' as const,
        render: (_: unknown, row: RatioRow) => {
          const s = stageOf(row, stage.code);
          if (!s || s.percent === null) return none;
          const text = `${s.percent.toFixed(1)}%`;
          return s.percent > s.capPercent ? <Typography.Text type="danger">{text}</Typography.Text> : text;
        },
      },
    ],
  }));

  const columns: TableProps<RatioRow>['columns'] = [
    {
      key: 'name',
      title: t('stats.col.org'),
      fixed: 'start',
      width: 184,
      render: (_, row) =>
        isTotal(row) ? (
          <span>
            <Typography.Text strong>{row.name}</Typography.Text> <Tag>{t('admission.plan.own')}</Tag>
          </span>
        ) : (
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onDrill(row.orgId)}>
            {row.name}
          </Button>
        ),
    },
    ...stageColumns,
  ];

  return (
    <Table<RatioRow>
      rowKey="orgId"
      size="small"
      bordered
      columns={columns}
      dataSource={[ratios.org, ...ratios.children]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (isTotal(row) ? 'tw-stat-total' : '')}
    />
  );
}
