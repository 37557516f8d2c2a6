import { Col, Form, Input, Row } from 'antd';
import { useT } from '../../../i18n';
import type { Member } from '../types/member';
import { FormSection } from './FormSection';

const half = { xs: 24, sm: 12 };

/** 联系方式: phone, 户籍所在地, 学习工作单位. */
export function MemberContactSection({ editing }: { editing: Member | null }) {
  const t = useT();

  return (
    <>
      <FormSection title={t('member.section.contact')} />
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name="phone"
            label={t('member.field.phone')}
            normalize={(value: string) => value.replace(/[^\d\s-]/g, '')}
            rules={[
              {
                validator: (_, value?: string) => {
                  const digits = value?.replace(/[\s-]/g, '') ?? '';
                  return !digits || /^1[3-9]\d{9}$/.test(digits)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('member.invalid.phone')));
                },
              },
            ]}
            extra={editing?.phoneMasked ? t('member.keepHint', { value: editing.phoneMasked }) : undefined}
          >
            <Input inputMode="tel" autoComplete="off" maxLength={13} className="tw-mono" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="household" label={t('member.field.household')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="workplace" label={t('member.field.workplace')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
