import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n';
import { useIdProblemText } from '../hooks/useIdProblemText';
import { useMemberEnums } from '../hooks/useMemberEnums';
import type { Member, Sex } from '../types/member';
import { derivesIdentity } from '../utils/id-types';
import { DATE, type MemberFormValues } from '../utils/member-form';
import { ageFromBirthDate, checkResidentId } from '../utils/resident-id';

const FOREIGN_ID_PATTERN = /^[A-Za-z0-9()（）-]{5,30}$/;

const half = { xs: 24, sm: 12 };

/**
 * 证件类型 and 证件号码, and the 出生日期 and 性别 that go with them: read from a resident ID (shown
 * once the number checks out), typed in for any other document.
 */
export function MemberIdentityFields({ editing }: { editing: Member | null }) {
  const t = useT();
  const enums = useMemberEnums();
  const problemText = useIdProblemText();
  const form = Form.useFormInstance<MemberFormValues>();
  // useWatch is empty on the first render; the store already holds the initial type.
  const idType = Form.useWatch('idType', form) ?? (form.getFieldValue('idType') as string | undefined);
  const idNumber = Form.useWatch('idNumber', form);
  const resident = derivesIdentity(idType);
  const typeChanged = editing !== null && idType !== editing.idType;

  useEffect(() => {
    if (form.isFieldTouched('idNumber')) void form.validateFields(['idNumber']).catch(() => undefined);
  }, [idType, form]);

  const checked = resident && idNumber ? checkResidentId(idNumber) : null;
  const derived = checked?.ok
    ? { birthDate: checked.birthDate, sex: checked.sex }
    : resident && !idNumber && editing && derivesIdentity(editing.idType)
      ? { birthDate: editing.birthDate, sex: editing.sex }
      : null;

  const rules: FormRule[] = [
    {
      required: !editing || typeChanged,
      whitespace: true,
      message: typeChanged ? t('member.required.idNumberForType') : t('member.required.idNumber'),
    },
  ];
  if (resident) {
    rules.push(
      {
        // While typing, say nothing until the number is long enough to judge.
        validateTrigger: ['onChange', 'onBlur'],
        validator: (_, value?: string) => {
          const result = value ? checkResidentId(value) : null;
          if (!result || result.ok) return Promise.resolve();
          if (result.problem.code === 'wrongLength' && result.problem.length < 18) return Promise.resolve();
          return Promise.reject(new Error(problemText(result.problem)));
        },
      },
      {
        validateTrigger: ['onBlur'],
        validator: (_, value?: string) => {
          const result = value ? checkResidentId(value) : null;
          return result && !result.ok && result.problem.code === 'wrongLength'
            ? Promise.reject(new Error(problemText(result.problem)))
            : Promise.resolve();
        },
      },
    );
  } else {
    rules.push({ pattern: FOREIGN_ID_PATTERN, message: t('member.invalid.foreignId') });
    if (editing && !typeChanged) {
      // The server checks a document's number, birth date and sex together and ignores the
      // latter two when they come without the number.
      rules.push(({ getFieldValue }) => ({
        validator: (_, value?: string) => {
          const birthDate = (getFieldValue('birthDate') as Dayjs | null | undefined)?.format(DATE);
          const changed = birthDate !== editing.birthDate || getFieldValue('sex') !== editing.sex;
          return value?.trim() || !changed
            ? Promise.resolve()
            : Promise.reject(new Error(t('member.required.idNumberForIdentity')));
        },
      }));
    }
  }

  const sexLabel = (sex: Sex) => t(sex === 'male' ? 'member.sex.male' : 'member.sex.female');

  return (
    <>
      <Col {...half}>
        <Form.Item name="idType" label={t('member.field.idType')} rules={[{ required: true }]}>
          <Select options={enums.options('idTypes')} loading={enums.loading} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="idNumber"
          label={t('member.field.idNumber')}
          validateTrigger={['onChange', 'onBlur']}
          dependencies={['birthDate', 'sex']}
          rules={rules}
          extra={editing && !typeChanged ? t('member.keepHint', { value: editing.idNumberMasked }) : undefined}
        >
          <Input
            autoComplete="off"
            spellCheck={false}
            maxLength={30}
            className="tw-mono"
            placeholder={resident ? t('member.idNumberPlaceholder') : undefined}
          />
        </Form.Item>
      </Col>
      {resident && derived && (
        <>
          <Col {...half}>
            <Form.Item label={t('member.field.birthDate')} extra={t('member.derivedHint')}>
              <Input
                readOnly
                variant="filled"
                value={t('member.birthWithAge', { date: derived.birthDate, age: ageFromBirthDate(derived.birthDate) })}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('member.field.sex')}>
              <Input readOnly variant="filled" value={sexLabel(derived.sex)} />
            </Form.Item>
          </Col>
        </>
      )}
      {!resident && (
        <>
          <Col {...half}>
            <Form.Item
              name="birthDate"
              label={t('member.field.birthDate')}
              rules={[{ required: true, message: t('member.required.birthDate') }]}
            >
              <DatePicker
                format={DATE}
                style={{ width: '100%' }}
                disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="sex" label={t('member.field.sex')} rules={[{ required: true, message: t('member.required.sex') }]}>
              <Radio.Group
                options={[
                  { value: 'male', label: sexLabel('male') },
                  { value: 'female', label: sexLabel('female') },
                ]}
              />
            </Form.Item>
          </Col>
        </>
      )}
    </>
  );
}
