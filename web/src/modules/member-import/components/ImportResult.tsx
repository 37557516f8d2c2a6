import { useState } from 'react';
import { App, Button, Result, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useLang, useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { saveBlob } from '../../common/utils/save-blob';
import { downloadImportErrors } from '../api/member-import-api';
import type { ImportJob } from '../types/import-job';

type Props = { job: ImportJob; onAgain: () => void };

/** done: how many came in; failed_validation: nothing came in, fix the file by the error report. */
export function ImportResult({ job, onAgain }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [downloading, setDownloading] = useState(false);
  const serverMessage = lang === 'en-US' ? (job.messageEn ?? job.message) : job.message;

  const downloadErrors = async () => {
    setDownloading(true);
    try {
      const { blob, filename } = await downloadImportErrors(job.jobId, t('import.errorFileName'));
      saveBlob(blob, filename);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  const again = (
    <Button key="again" icon={<ReloadOutlined />} onClick={onAgain}>
      {t('import.again')}
    </Button>
  );

  if (job.status === 'done') {
    return <Result status="success" title={t('import.done', { count: job.importedRows })} extra={[again]} />;
  }
  if (job.status === 'failed_validation') {
    return (
      <Result
        status="warning"
        title={t('import.failedValidation', { count: job.errorCount })}
        subTitle={
          <>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('import.nothingImported')}
            </Typography.Paragraph>
            {serverMessage && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0, textAlign: 'start' }}>
                {serverMessage}
              </Typography.Paragraph>
            )}
          </>
        }
        extra={[
          ...(job.hasErrorFile
            ? [
                <Button key="errors" type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={() => void downloadErrors()}>
                  {t('import.downloadErrors')}
                </Button>,
              ]
            : []),
          again,
        ]}
      />
    );
  }
  return <Result status="error" title={t('import.failed')} subTitle={serverMessage ?? undefined} extra={[again]} />;
}
