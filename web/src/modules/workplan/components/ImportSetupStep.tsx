import { Alert, Form, InputNumber, Upload } from 'antd';
import type { FormInstance, UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { OrgTreeSelect } from '../../org/components/OrgTreeSelect';

export type ImportSetup = { orgId?: number; year?: number };

type Props = {
  form: FormInstance<ImportSetup>;
  initial: ImportSetup;
  file: File | null;
  onFile: (file: File | null) => void;
  /** The server's refusal of the file: unreadable, too large, not a plan. */
  error: string | null;
  maxMegabytes: number | undefined;
};

/** 第一步: the committee that owns the plan (a branch cannot), its year, and the .docx or .txt file. */
export function ImportSetupStep({ form, initial, file, onFile, error, maxMegabytes }: Props) {
  const t = useT();
  const fileList: UploadFile[] = file ? [{ uid: 'plan', name: file.name, size: file.size, status: error ? 'error' : 'done' }] : [];
  return (
    <Form<ImportSetup> name="wpImport" form={form} layout="vertical" requiredMark initialValues={initial} autoComplete="off">
      <Form.Item
        name="orgId"
        label={t('workplan.import.org')}
        rules={[{ required: true, message: t('workplan.import.orgRequired') }]}
        extra={t('workplan.import.orgHint')}
      >
        <OrgTreeSelect selectable={(node) => node.type !== 'branch'} placeholder={t('workplan.import.orgPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="year"
        label={t('workplan.import.year')}
        rules={[{ required: true, message: t('workplan.import.yearRequired') }]}
      >
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('workplan.import.file')} required>
        <Upload.Dragger
          accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
          multiple={false}
          maxCount={1}
          fileList={fileList}
          beforeUpload={(picked) => {
            onFile(picked);
            // Sent by hand as the raw body, not by the component as multipart.
            return false;
          }}
          onRemove={() => onFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('workplan.import.drop')}</p>
          <p className="ant-upload-hint">{t('workplan.import.dropHint', { mb: maxMegabytes ?? 10 })}</p>
        </Upload.Dragger>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Form>
  );
}
