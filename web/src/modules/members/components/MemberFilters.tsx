import { useEffect, useState } from 'react';
import { Badge, Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useMemberEnums } from '../hooks/useMemberEnums';
import {
  countFilters,
  fromFilterForm,
  toFilterForm,
  type FilterFormValues,
  type MemberFilterValues,
} from '../utils/filter-values';
import { AgeRangeField, JoinedRangeField } from './MemberFilterRanges';

type Props = {
  q: string;
  onSearch: (q: string) => void;
  filters: MemberFilterValues;
  onFiltersChange: (filters: MemberFilterValues) => void;
};

/** One search box (the server tells a name from an ID, phone or 团员编号) and a folding 筛选 panel. */
export function MemberFilters({ q, onSearch, filters, onFiltersChange }: Props) {
  const t = useT();
  const enums = useMemberEnums();
  const [form] = Form.useForm<FilterFormValues>();
  const [text, setText] = useState(q);
  const [open, setOpen] = useState(false);
  const active = countFilters(filters);

  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toFilterForm(filters));
  }, [filters, form, open]);

  // Two to a row even on a phone, so that the open panel does not push the table off the screen.
  const cell = { xs: 12, xl: 8, xxl: 6 };
  const wide = { xs: 24, sm: 12, xl: 8, xxl: 6 };
  const select = { allowClear: true, style: { width: '100%' } };
  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Input.Search
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value === '') onSearch('');
          }}
          onSearch={(value) => onSearch(value.trim())}
          placeholder={t('member.searchPlaceholder')}
          aria-label={t('common.search')}
          autoComplete="off"
          maxLength={30}
          allowClear
          enterButton
          style={{ flex: '1 1 220px', maxWidth: 400 }}
        />
        <Badge count={active} size="small" color="blue">
          <Button
            icon={<FilterOutlined />}
            type={open ? 'primary' : 'default'}
            ghost={open}
            aria-expanded={open}
            aria-controls="member-filter-panel"
            onClick={() => setOpen((prev) => !prev)}
          >
            {t('member.filter')}
          </Button>
        </Badge>
        {active > 0 && !open && (
          <Button type="link" size="small" onClick={() => onFiltersChange({})}>
            {t('member.clearFilters')}
          </Button>
        )}
      </Flex>
      {open && (
        <Form<FilterFormValues>
          id="member-filter-panel"
          form={form}
          layout="vertical"
          className="tw-member-filters"
          initialValues={toFilterForm(filters)}
          onFinish={(values) => onFiltersChange(fromFilterForm(values))}
        >
          <Row gutter={12}>
            <Col {...cell}>
              <Form.Item name="status" label={t('member.field.status')}>
                <Select {...select} options={enums.options('statuses')} />
              </Form.Item>
            </Col>
            <Col {...cell}>
              <Form.Item name="sex" label={t('member.field.sex')}>
                <Select
                  {...select}
                  options={[
                    { value: 'male', label: t('member.sex.male') },
                    { value: 'female', label: t('member.sex.female') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col {...cell}>
              <Form.Item name="ethnicity" label={t('member.field.ethnicity')}>
                <Select {...select} options={enums.options('ethnicities')} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col {...cell}>
              <Form.Item name="politicalStatus" label={t('member.field.politicalStatus')}>
                <Select {...select} options={enums.options('politicalStatuses')} />
              </Form.Item>
            </Col>
            <Col {...cell}>
              <Form.Item name="education" label={t('member.filterEducation')}>
                <Select {...select} options={enums.options('educationLevels')} />
              </Form.Item>
            </Col>
            <Col {...cell}>
              <Form.Item name="occupation" label={t('member.field.occupation')}>
                <Select {...select} options={enums.options('occupations')} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col {...wide}>
              <AgeRangeField />
            </Col>
            <Col {...wide}>
              <JoinedRangeField />
            </Col>
            <Col {...cell}>
              <Form.Item name="isCadre" label={t('member.field.isCadre')}>
                <Select {...select} options={yesNo} />
              </Form.Item>
            </Col>
            <Col {...cell}>
              <Form.Item name="partyMember" label={t('member.partyKeeping')} tooltip={t('member.partyKeepingHint')}>
                <Select {...select} options={yesNo} />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => onFiltersChange({})}>{t('common.reset')}</Button>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('member.applyFilters')}
            </Button>
          </Flex>
        </Form>
      )}
    </Flex>
  );
}
