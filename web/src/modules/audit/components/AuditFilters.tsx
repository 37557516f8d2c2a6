import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useActionLabel } from '../hooks/useActionLabel';
import { AUDIT_ACTION_LABELS } from '../utils/action-labels';
import type { AuditFilter } from '../types/audit';

type Values = { action?: string; actor?: string; range?: [Dayjs | null, Dayjs | null] | null };

const DATE = 'YYYY-MM-DD';

/** 操作类型, 操作人 and 日期范围 (both ends inclusive). */
export function AuditFilters({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const t = useT();
  const actionLabel = useActionLabel();
  const [form] = Form.useForm<Values>();

  const submit = (values: Values) => {
    onSearch({
      action: values.action,
      actor: values.actor?.trim() || undefined,
      from: values.range?.[0]?.format(DATE),
      to: values.range?.[1]?.format(DATE),
    });
  };

  return (
    <Form<Values> form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
      <Form.Item name="action" label={t('audit.filter.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          options={Object.keys(AUDIT_ACTION_LABELS).map((code) => ({ value: code, label: actionLabel(code) }))}
        />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.filter.actor')}>
        <Input allowClear style={{ width: 160 }} autoComplete="off" />
      </Form.Item>
      <Form.Item name="range" label={t('audit.filter.dateRange')}>
        <DatePicker.RangePicker format={DATE} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
