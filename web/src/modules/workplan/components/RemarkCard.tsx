import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { addRemark } from '../api/task-api';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { Remark, TaskDetail } from '../types/workplan';
import type { ReportingOrg } from '../utils/task-rights';

/** 督办意见: reminders to the organizations (answered by their next report) and comments on the task. */
export function RemarkCard({ detail, commentOrgs, onChanged }: { detail: TaskDetail; commentOrgs: ReportingOrg[] | null; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { remarkKind } = useWorkplanMeta();
  const placeErrors = usePlaceFieldErrors();
  const [form] = Form.useForm<{ orgId: number; text: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: { orgId: number; text: string }) => {
    setSaving(true);
    setRefusal(null);
    try {
      await addRemark(detail.task.id, { kind: 'comment', orgId: values.orgId, text: values.text.trim() });
      form.resetFields(['text']);
      message.success(t('workplan.remark.added'));
      onChanged();
    } catch (err) {
      setRefusal(placeErrors(form, err, (field) => (field === 'text' || field === 'orgId' ? field : null)));
    } finally {
      setSaving(false);
    }
  };

  const item = (remark: Remark) => (
    <Flex key={remark.id} vertical gap={2} className="tw-wp-row">
      <Flex wrap gap={6} align="center">
        <Tag color={remark.kind === 'reminder' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {remarkKind(remark.kind)}
        </Tag>
        <Typography.Text strong>{remark.orgName}</Typography.Text>
        {remark.kind === 'reminder' &&
          (remark.answeredAt ? (
            <Tag color="success" bordered={false} style={{ marginInlineEnd: 0 }}>
              {t('workplan.remark.answered', { date: remark.answeredAt.slice(0, 10) })}
            </Tag>
          ) : (
            <Tag color="warning" bordered={false} style={{ marginInlineEnd: 0 }}>
              {t('workplan.remark.open')}
            </Tag>
          ))}
      </Flex>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{remark.text}</Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {remark.createdBy} · {formatTime(remark.createdAt)}
      </Typography.Text>
    </Flex>
  );

  return (
    <Card size="small" title={t('workplan.remark.title')}>
      <Flex vertical gap={8}>
        {detail.remarks.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workplan.remark.empty')} style={{ margin: '8px 0' }} />
        ) : (
          <div className="tw-wp-rows">{detail.remarks.map(item)}</div>
        )}
        {commentOrgs && commentOrgs.length > 0 && (
          <Form name="wpRemark" form={form} layout="vertical" autoComplete="off" initialValues={{ orgId: commentOrgs[0]!.orgId }} onFinish={(values) => void submit(values)} onValuesChange={() => setRefusal(null)}>
            {commentOrgs.length > 1 && (
              <Form.Item name="orgId" label={t('workplan.remark.as')} style={{ marginBottom: 8 }}>
                <Select options={commentOrgs.map((o) => ({ value: o.orgId, label: o.orgName }))} />
              </Form.Item>
            )}
            {commentOrgs.length === 1 && (
              <Form.Item name="orgId" hidden>
                <Input />
              </Form.Item>
            )}
            <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('workplan.remark.textRequired') }]} style={{ marginBottom: 8 }}>
              <Input.TextArea rows={2} maxLength={1000} placeholder={t('workplan.remark.placeholder')} aria-label={t('workplan.remark.placeholder')} />
            </Form.Item>
            <Button htmlType="submit" loading={saving}>
              {t('workplan.remark.submit')}
            </Button>
          </Form>
        )}
        {refusal && <Alert type="error" showIcon title={refusal} />}
      </Flex>
    </Card>
  );
}
