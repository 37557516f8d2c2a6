import { Flex, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { useDuesMeta } from '../hooks/useDuesMeta';
import type { DuesAssessment } from '../types/dues';
import { formatYuan } from '../utils/money';
import { Yuan } from './Yuan';

const small = { fontSize: 12 } as const;

/** 核定记录: every amount a member was assessed at, newest first, with the income it came from. */
export function DuesAssessmentTable({ assessments }: { assessments: DuesAssessment[] }) {
  const t = useT();
  const { category } = useDuesMeta();
  const none = t('common.none');

  const columns: TableProps<DuesAssessment>['columns'] = [
    {
      key: 'at',
      title: t('dues.col.assessedAt'),
      width: 170,
      render: (_, a) => (
        <Flex vertical>
          <span style={{ whiteSpace: 'nowrap' }}>{formatTime(a.at)}</span>
          <Typography.Text type="secondary" style={small}>
            {a.by}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'category',
      title: t('dues.field.category'),
      width: 190,
      render: (_, a) => (
        <Flex vertical>
          <span>{category(a.category)}</span>
          {a.incomeFen !== null && (
            <Typography.Text type="secondary" style={small}>
              {t('dues.incomeWas', { amount: formatYuan(a.incomeFen) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'monthly', title: t('dues.col.monthly'), width: 110, align: 'end', render: (_, a) => <Yuan fen={a.monthlyFen} /> },
    { key: 'from', title: t('dues.col.appliesFrom'), width: 100, dataIndex: 'fromMonth' },
    { key: 'reason', title: t('dues.field.assessReason'), render: (_, a) => a.reason ?? none },
  ];

  return (
    <Table<DuesAssessment>
      rowKey={(a) => `${a.at}-${a.fromMonth}-${a.monthlyFen}`}
      size="small"
      columns={columns}
      dataSource={assessments}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('dues.assessment.none') }}
    />
  );
}
