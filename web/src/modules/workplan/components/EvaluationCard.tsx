import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { evaluateTask } from '../api/task-api';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';
import type { TaskDetail } from '../types/workplan';

/** 年终评价: a score out of 100 and a comment, given by the committee that owns the plan. */
export function EvaluationCard({ detail, editable, onChanged }: { detail: TaskDetail; editable: boolean; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const placeErrors = usePlaceFieldErrors();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const evaluation = detail.task.evaluation;

  const submit = async (values: { score: number; comment?: string }) => {
    setSaving(true);
    setRefusal(null);
    try {
      await evaluateTask(detail.task.id, { score: values.score, comment: values.comment?.trim() || null });
      message.success(t('workplan.evaluation.saved'));
      onChanged();
    } catch (err) {
      setRefusal(placeErrors(form, err, (field) => (field === 'score' || field === 'comment' ? field : null)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('workplan.evaluation.title')}>
      <Flex vertical gap={8}>
        {evaluation ? (
          <Flex vertical gap={2}>
            <Typography.Text>
              {t('workplan.evaluation.score')}：<Typography.Text strong style={{ fontSize: 20 }}>{evaluation.score}</Typography.Text>
            </Typography.Text>
            {evaluation.comment && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{evaluation.comment}</Typography.Paragraph>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {evaluation.by ?? ''} · {formatTime(evaluation.at)}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t(editable ? 'workplan.evaluation.noneEdit' : 'workplan.evaluation.none')}</Typography.Text>
        )}
        {editable && (
          <Form
            name="wpEvaluation"
            form={form}
            layout="vertical"
            autoComplete="off"
            initialValues={{ score: evaluation?.score, comment: evaluation?.comment ?? '' }}
            onFinish={(values) => void submit(values)}
            onValuesChange={() => setRefusal(null)}
          >
            <Form.Item name="score" label={t('workplan.evaluation.score')} rules={[{ required: true, message: t('workplan.evaluation.scoreRequired') }]} style={{ marginBottom: 8 }}>
              <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="comment" label={t('workplan.evaluation.comment')} style={{ marginBottom: 8 }}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Button type="primary" ghost htmlType="submit" loading={saving}>
              {t(evaluation ? 'workplan.evaluation.update' : 'workplan.evaluation.submit')}
            </Button>
          </Form>
        )}
        {refusal && <Alert type="error" showIcon title={refusal} />}
      </Flex>
    </Card>
  );
}
