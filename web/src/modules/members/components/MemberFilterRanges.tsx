import { DatePicker, Flex, Form, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { FILTER_MONTH, type FilterFormValues } from '../utils/filter-values';

/** 年龄 from–to, whole years; the upper bound may not be below the lower. */
export function AgeRangeField() {
  const t = useT();
  const label = t('member.filterAge');
  const box = (end: string) => (
    <InputNumber min={0} max={120} precision={0} placeholder={end} aria-label={`${label} ${end}`} style={{ width: '100%' }} />
  );

  return (
    <Form.Item label={label} style={{ marginBottom: 0 }}>
      <Flex gap={8} align="baseline">
        <Form.Item name="ageMin" style={{ flex: 1 }}>
          {box(t('member.from'))}
        </Form.Item>
        <span>–</span>
        <Form.Item
          name="ageMax"
          dependencies={['ageMin']}
          style={{ flex: 1 }}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: number | null | undefined) => {
                const min = getFieldValue('ageMin') as number | null | undefined;
                return value == null || min == null || value >= min
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('member.ageRangeReversed')));
              },
            }),
          ]}
        >
          {box(t('member.to'))}
        </Form.Item>
      </Flex>
    </Form.Item>
  );
}

/** 入团年月 from–to, two month pickers (a range picker is too wide for a phone). */
export function JoinedRangeField() {
  const t = useT();
  const form = Form.useFormInstance<FilterFormValues>();
  const from = Form.useWatch('joinedFrom', form) as Dayjs | null | undefined;
  const label = t('member.filterJoined');
  const picker = (end: string, disabledDate?: (month: Dayjs) => boolean) => (
    <DatePicker
      picker="month"
      format={FILTER_MONTH}
      placeholder={end}
      aria-label={`${label} ${end}`}
      inputReadOnly
      disabledDate={disabledDate}
      style={{ width: '100%' }}
    />
  );

  return (
    <Form.Item label={label} style={{ marginBottom: 0 }}>
      <Flex gap={8} align="baseline">
        <Form.Item name="joinedFrom" style={{ flex: 1 }}>
          {picker(t('member.from'))}
        </Form.Item>
        <span>–</span>
        <Form.Item name="joinedTo" style={{ flex: 1 }}>
          {picker(t('member.to'), (month) => !!from && month.isBefore(from, 'month'))}
        </Form.Item>
      </Flex>
    </Form.Item>
  );
}
