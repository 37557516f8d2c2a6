import { Alert, Button, Flex, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';

type Props = {
  file: File | null;
  onFile: (file: File | null) => void;
  uploading: boolean;
  /** The server's refusal of the file as a whole: not an xlsx, too large, too many rows, unsafe. */
  error: string | null;
  onSubmit: () => void;
  disabled: boolean;
};

/** Pick the filled-in workbook and send it; nothing is read in the browser, the server checks it all. */
export function ImportUploadStep({ file, onFile, uploading, error, onSubmit, disabled }: Props) {
  const t = useT();
  const fileList: UploadFile[] = file
    ? [{ uid: 'import', name: file.name, size: file.size, status: error ? 'error' : 'done' }]
    : [];

  return (
    <Flex vertical gap={12} style={{ marginTop: 8 }}>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        maxCount={1}
        disabled={disabled || uploading}
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
        <p className="ant-upload-text">{t('import.dropHint')}</p>
        <p className="ant-upload-hint">{t('import.dropSubHint')}</p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Button
        type="primary"
        icon={<CloudUploadOutlined />}
        disabled={!file || disabled}
        loading={uploading}
        onClick={onSubmit}
        style={{ alignSelf: 'flex-start' }}
      >
        {uploading ? t('import.uploading') : t('import.start')}
      </Button>
    </Flex>
  );
}
