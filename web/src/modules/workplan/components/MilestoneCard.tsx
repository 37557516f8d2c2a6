import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Flex, Form, Input, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { todayInChina } from '../../common/utils/today-in-china';
import { addMilestone, deleteMilestone, setMilestoneDone } from '../api/task-api';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';
import type { Milestone, TaskDetail } from '../types/workplan';

/**
 * 节点: the dated steps of a task, ticked off as they are done. A task without confirmed targets
 * takes its progress from them.
 */
export function MilestoneCard({ detail, editable, onChanged }: { detail: TaskDetail; editable: boolean; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const placeErrors = usePlaceFieldErrors();
  const [form] = Form.useForm<{ title: string; dueOn: Dayjs }>();
  const [busy, setBusy] = useState<number | 'add' | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const today = todayInChina();
  const year = detail.plan.year;

  const run = async (id: number, work: () => Promise<unknown>) => {
    setBusy(id);
    try {
      await work();
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const add = async (values: { title: string; dueOn: Dayjs }) => {
    setBusy('add');
    setRefusal(null);
    try {
      await addMilestone(detail.task.id, { title: values.title.trim(), dueOn: values.dueOn.format('YYYY-MM-DD') });
      form.resetFields();
      message.success(t('workplan.milestone.added'));
      onChanged();
    } catch (err) {
      setRefusal(placeErrors(form, err, (field) => (field === 'title' || field === 'dueOn' ? field : null)));
    } finally {
      setBusy(null);
    }
  };

  const row = (m: Milestone) => {
    const late = !m.doneOn && m.dueOn < today;
    return (
      <Flex key={m.id} align="center" gap={8} className="tw-wp-row">
        <Checkbox
          checked={m.doneOn !== null}
          disabled={!editable || busy === m.id}
          onChange={(event) => void run(m.id, () => setMilestoneDone(m.id, event.target.checked ? today : null))}
          aria-label={t('workplan.milestone.doneOf', { title: m.title })}
        />
        <Flex vertical gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text delete={m.doneOn !== null}>{m.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workplan.milestone.due', { date: m.dueOn })}
            {m.doneOn && ` · ${t('workplan.milestone.doneOn', { date: m.doneOn })}`}
          </Typography.Text>
        </Flex>
        {late && <Tag color="error">{t('workplan.milestone.late')}</Tag>}
        {editable && (
          <Popconfirm title={t('workplan.milestone.deleteConfirm', { title: m.title })} okText={t('workplan.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => run(m.id, () => deleteMilestone(m.id))}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('workplan.delete')} />
          </Popconfirm>
        )}
      </Flex>
    );
  };

  return (
    <Card size="small" title={t('workplan.milestone.title')}>
      <Flex vertical gap={8}>
        {detail.milestones.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(editable ? 'workplan.milestone.emptyEdit' : 'workplan.milestone.empty')} style={{ margin: '8px 0' }} />
        ) : (
          <div className="tw-wp-rows">{detail.milestones.map(row)}</div>
        )}
        {editable && (
          <Form name="wpMilestone" form={form} layout="vertical" autoComplete="off" onFinish={(values) => void add(values)} onValuesChange={() => setRefusal(null)}>
            <Flex wrap gap={8} align="start">
              <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('workplan.milestone.titleRequired') }]} style={{ flex: '1 1 160px', margin: 0 }}>
                <Input maxLength={200} placeholder={t('workplan.milestone.titlePlaceholder')} aria-label={t('workplan.milestone.titlePlaceholder')} />
              </Form.Item>
              <Form.Item name="dueOn" rules={[{ required: true, message: t('workplan.milestone.dueRequired') }]} style={{ margin: 0 }}>
                <DatePicker format="YYYY-MM-DD" placeholder={t('workplan.milestone.duePlaceholder')} disabledDate={(d) => d.year() < year} style={{ width: 150 }} />
              </Form.Item>
              <Button htmlType="submit" icon={<PlusOutlined />} loading={busy === 'add'}>
                {t('workplan.milestone.add')}
              </Button>
            </Flex>
          </Form>
        )}
        {refusal && <Alert type="error" showIcon title={refusal} />}
      </Flex>
    </Card>
  );
}
