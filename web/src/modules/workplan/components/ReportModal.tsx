import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Slider, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useBilingual, useT } from '../../../i18n';
import { createReport, deleteAttachment, uploadAttachment } from '../api/task-api';
import { useDepartments } from '../hooks/useDepartments';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { TaskDetail } from '../types/workplan';
import { defaultReportMonth, reportableMonth } from '../utils/report-month';
import type { ReportingOrg } from '../utils/task-rights';
import { ReportFigures } from './ReportFigures';

type Values = {
  orgId: number;
  departmentId?: number;
  kind: 'monthly' | 'event';
  period: Dayjs;
  text: string;
  percent?: number | null;
  figures?: Record<string, number | null | undefined>;
  attachments?: UploadFile[];
};

const PLAIN_FIELDS = ['orgId', 'departmentId', 'kind', 'period', 'text', 'percent'];
const MAX_FILES = 10;

type Props = {
  detail: TaskDetail;
  orgs: ReportingOrg[];
  onClose: () => void;
  onReported: () => void;
};

/**
 * 报送进展 for one of the organizations the post reports for: the month, what was done, the share
 * done if it can say, a figure for each target it reports (computed ones are shown, not asked),
 * and files. A report answers the reminders sent to that organization on the task.
 */
export function ReportModal({ detail, orgs, onClose, onReported }: Props) {
  const t = useT();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const { meta } = useWorkplanMeta();
  const placeErrors = usePlaceFieldErrors();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { plan, task } = detail;
  const orgId = Form.useWatch('orgId', form) ?? orgs[0]?.orgId;
  const forCommittee = orgId === plan.orgId;
  const departments = useDepartments(detail.owner ? plan.orgId : undefined);
  const assignment = detail.assignments.find((a) => a.orgId === orgId);
  const unitTargets = forCommittee ? detail.progress.targets : (assignment?.progress.targets ?? []);

  const submit = async (values: Values) => {
    setSaving(true);
    setRefusal(null);
    const figures = Object.entries(values.figures ?? {})
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
      .map(([targetId, value]) => ({ targetId: Number(targetId), value }));
    // Files go up for the organization chosen now; if the report is then refused they are deleted
    // again (the next try uploads them anew), so nothing is left behind when the form is cancelled.
    const attachmentIds: number[] = [];
    try {
      for (const file of values.attachments ?? []) {
        if (file.originFileObj) attachmentIds.push((await uploadAttachment(task.id, values.orgId, file.originFileObj)).id);
      }
      await createReport(task.id, {
        orgId: values.orgId,
        departmentId: forCommittee ? (values.departmentId ?? null) : null,
        kind: values.kind,
        period: values.period.format('YYYY-MM'),
        text: values.text.trim(),
        percent: values.percent ?? null,
        figures,
        attachmentIds,
      });
      message.success(t('workplan.report.done', { month: values.period.format('YYYY-MM') }));
      onReported();
    } catch (err) {
      // Best effort: one a saved report turned out to use stays with it (the server refuses).
      await Promise.allSettled(attachmentIds.map((id) => deleteAttachment(id)));
      setRefusal(
        placeErrors(form, err, (field) => {
          if (PLAIN_FIELDS.includes(field)) return field;
          const figure = /^figures\[(\d+)\]/.exec(field);
          const sent = figure ? figures[Number(figure[1])] : undefined;
          if (sent) return ['figures', String(sent.targetId)];
          return field.startsWith('attachmentIds') ? 'attachments' : null;
        }),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('workplan.report.title', { task: task.title })}
      okText={t('workplan.report.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      // Not while sending: files are up and the report may yet be saved.
      onCancel={() => !saving && onClose()}
      cancelButtonProps={{ disabled: saving }}
      width={{ xs: '100%', md: 680 }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('workplan.report.intro')}</Typography.Paragraph>
      <Form<Values>
        name="wpReport"
        form={form}
        layout="vertical"
        requiredMark
        autoComplete="off"
        initialValues={{
          orgId: orgs[0]?.orgId,
          departmentId: task.leadDepartment?.id,
          kind: 'monthly',
          period: dayjs(`${defaultReportMonth(plan.year)}-01`),
          figures: {},
          attachments: [],
        }}
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={forCommittee && detail.owner ? 12 : 24}>
            {orgs.length > 1 ? (
              <Form.Item name="orgId" label={t('workplan.report.org')} rules={[{ required: true }]}>
                <Select options={orgs.map((o) => ({ value: o.orgId, label: o.orgName }))} />
              </Form.Item>
            ) : (
              // One organization to report for: said, not offered as a choice.
              <Form.Item label={t('workplan.report.org')} required>
                <Form.Item name="orgId" hidden>
                  <InputNumber />
                </Form.Item>
                <Typography.Text strong data-testid="report-org">
                  {orgs[0]?.orgName}
                </Typography.Text>
              </Form.Item>
            )}
          </Col>
          {forCommittee && detail.owner && (
            <Col xs={24} sm={12}>
              <Form.Item name="departmentId" label={t('workplan.report.department')}>
                <Select
                  allowClear
                  loading={departments.loading}
                  placeholder={t('workplan.report.departmentPlaceholder')}
                  options={(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('workplan.report.kind')}>
              <Radio.Group
                optionType="button"
                options={(meta?.reportKinds ?? [{ code: 'monthly', zh: '月度报送', en: 'Monthly' }]).map((k) => ({ value: k.code, label: bilingual(k) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="period"
              label={t('workplan.report.month')}
              rules={[{ required: true, message: t('workplan.report.monthRequired') }]}
              extra={t('workplan.report.monthHint', { year: plan.year })}
            >
              <DatePicker picker="month" format="YYYY-MM" allowClear={false} disabledDate={(d) => !reportableMonth(d.format('YYYY-MM'), plan.year)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="text" label={t('workplan.report.text')} rules={[{ required: true, whitespace: true, message: t('workplan.report.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('workplan.report.textPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('workplan.report.percent')} extra={t('workplan.report.percentHint')}>
          <Flex gap={12} align="center">
            <Form.Item name="percent" noStyle>
              <Slider min={0} max={100} style={{ flex: 1, margin: '0 6px' }} tooltip={{ formatter: (v) => `${v ?? 0}%` }} />
            </Form.Item>
            <Form.Item name="percent" noStyle>
              <InputNumber min={0} max={100} precision={0} suffix="%" aria-label={t('workplan.report.percent')} placeholder={t('workplan.report.percentPlaceholder')} style={{ width: 110 }} />
            </Form.Item>
          </Flex>
        </Form.Item>
        <ReportFigures targets={detail.targets} progressOf={(id) => unitTargets.find((p) => p.targetId === id)} />
        <Form.Item
          name="attachments"
          label={t('workplan.report.attachments')}
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
          extra={t('workplan.report.attachmentsHint', { count: MAX_FILES, mb: meta ? Math.round(meta.rules.maxAttachmentBytes / 1048576) : 20 })}
          style={{ marginBottom: 0 }}
        >
          <Upload
            multiple
            maxCount={MAX_FILES}
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
            // Sent with the report: each file goes up on submit for the organization chosen then.
            beforeUpload={() => false}
          >
            <Button icon={<UploadOutlined />}>{t('workplan.report.pickFiles')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
