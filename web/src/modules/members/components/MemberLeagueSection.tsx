import { Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { useMemberEnums } from '../hooks/useMemberEnums';
import { DATE, MONTH, type MemberFormValues } from '../utils/member-form';
import { FormSection } from './FormSection';

const half = { xs: 24, sm: 12 };

const afterThisMonth = (month: Dayjs) => month.isAfter(dayjs(), 'month');

/** 团内信息: joining, 团员编号, posts and cadre status. */
export function MemberLeagueSection() {
  const t = useT();
  const enums = useMemberEnums();
  const form = Form.useFormInstance<MemberFormValues>();
  const isCadre = Form.useWatch('isCadre', form) ?? (form.getFieldValue('isCadre') as boolean | undefined);

  return (
    <>
      <FormSection title={t('member.section.league')} />
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name="joinedLeagueOn"
            label={t('member.field.joinedLeagueOn')}
            rules={[{ required: true, message: t('member.required.joinedLeagueOn') }]}
          >
            <DatePicker picker="month" format={MONTH} style={{ width: '100%' }} disabledDate={afterThisMonth} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="developmentNumber"
            label={t('member.field.developmentNumber')}
            dependencies={['joinedLeagueOn']}
            rules={[
              { pattern: /^\d{12}$/, message: t('member.invalid.developmentNumber') },
              ({ getFieldValue }) => ({
                // Its first four digits are the joining year.
                validator: (_, value?: string) => {
                  const joined = getFieldValue('joinedLeagueOn') as Dayjs | null | undefined;
                  const year = joined?.format('YYYY');
                  return !value || !/^\d{12}$/.test(value) || !year || value.startsWith(year)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('member.invalid.developmentNumberYear', { year })));
                },
              }),
            ]}
          >
            <Input maxLength={12} inputMode="numeric" autoComplete="off" className="tw-mono" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="leaguePost" label={t('member.field.leaguePost')}>
            <Select allowClear loading={enums.loading} options={enums.leaguePostOptions} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="isCadre" label={t('member.field.isCadre')} valuePropName="checked">
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
        </Col>
        {isCadre && (
          <Col {...half}>
            <Form.Item name="cadreNature" label={t('member.field.cadreNature')}>
              <Select allowClear loading={enums.loading} options={enums.options('cadreNatures')} />
            </Form.Item>
          </Col>
        )}
        <Col {...half}>
          <Form.Item name="joinedPartyOn" label={t('member.field.joinedPartyOn')}>
            <DatePicker picker="month" format={MONTH} style={{ width: '100%' }} disabledDate={afterThisMonth} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="volunteerRegisteredOn" label={t('member.field.volunteerRegisteredOn')}>
            <DatePicker format={DATE} style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
