import { Col, Form, Input, Row, Select } from 'antd';
import { useT } from '../../../i18n';
import { useMemberEnums } from '../hooks/useMemberEnums';
import type { Member } from '../types/member';
import { FormSection } from './FormSection';
import { MemberIdentityFields } from './MemberIdentityFields';

const half = { xs: 24, sm: 12 };

/** 基本信息: who the member is. */
export function MemberBasicSection({ editing }: { editing: Member | null }) {
  const t = useT();
  const enums = useMemberEnums();
  const select = { loading: enums.loading, allowClear: true };

  return (
    <>
      <FormSection title={t('member.section.basic')} />
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="orgName" label={t('member.field.branch')}>
            <Input readOnly variant="filled" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="name"
            label={t('member.field.name')}
            rules={[{ required: true, whitespace: true, message: t('member.required.name') }]}
          >
            <Input maxLength={30} autoComplete="off" autoFocus />
          </Form.Item>
        </Col>
        <MemberIdentityFields editing={editing} />
        <Col {...half}>
          <Form.Item
            name="ethnicity"
            label={t('member.field.ethnicity')}
            rules={[{ required: true, message: t('member.required.ethnicity') }]}
          >
            <Select {...select} options={enums.options('ethnicities')} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="politicalStatus"
            label={t('member.field.politicalStatus')}
            rules={[{ required: true, message: t('member.required.politicalStatus') }]}
          >
            <Select {...select} options={enums.options('politicalStatuses')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="educationFullTime" label={t('member.field.educationFullTime')}>
            <Select {...select} options={enums.options('educationLevels')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="educationHighest" label={t('member.field.educationHighest')}>
            <Select {...select} options={enums.options('educationLevels')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="occupation"
            label={t('member.field.occupation')}
            rules={[{ required: true, message: t('member.required.occupation') }]}
          >
            <Select {...select} options={enums.options('occupations')} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="incomeBand" label={t('member.field.incomeBand')}>
            <Select {...select} options={enums.options('incomeBands')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
