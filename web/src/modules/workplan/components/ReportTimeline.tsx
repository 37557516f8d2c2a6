import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { Report, Target } from '../types/workplan';
import { withUnit } from '../utils/format-target';
import { AttachmentLink } from './AttachmentLink';

/** 进展报送, newest first: for which month, by whom, what was done, the share done, the figures, the files. */
export function ReportTimeline({ reports, targets, emptyText }: { reports: Report[]; targets: Target[]; emptyText: string }) {
  const t = useT();
  const { reportKind } = useWorkplanMeta();
  const targetOf = new Map(targets.map((target) => [target.id, target]));
  if (reports.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <Timeline
      className="tw-wp-reports"
      items={reports.map((report) => ({
        key: report.id,
        color: report.kind === 'monthly' ? 'blue' : 'green',
        content: (
          <Flex vertical gap={4} data-report-id={report.id}>
            <Flex wrap gap={6} align="center">
              <Typography.Text strong>{t('workplan.report.monthOf', { month: report.period })}</Typography.Text>
              <Tag bordered={false} color={report.kind === 'monthly' ? 'blue' : 'green'} style={{ marginInlineEnd: 0 }}>
                {reportKind(report.kind)}
              </Tag>
              <Typography.Text type="secondary">
                {report.orgName}
                {report.departmentName ? ` · ${report.departmentName}` : ''}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{report.text}</Typography.Paragraph>
            {(report.percent !== null || report.figures.length > 0) && (
              <Flex wrap gap={6}>
                {report.percent !== null && <Tag style={{ marginInlineEnd: 0 }}>{t('workplan.report.percentDone', { percent: report.percent })}</Tag>}
                {report.figures.map((f) => {
                  const target = targetOf.get(f.targetId);
                  return (
                    <Tag key={f.targetId} color="processing" bordered={false} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                      {target ? t('workplan.labelValue', { label: target.label, value: withUnit(f.value, target.unit) }) : f.value}
                    </Tag>
                  );
                })}
              </Flex>
            )}
            {report.attachments.length > 0 && (
              <Flex wrap gap={12}>
                {report.attachments.map((a) => (
                  <AttachmentLink key={a.id} attachment={a} />
                ))}
              </Flex>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {report.createdBy} · {formatTime(report.createdAt)}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
