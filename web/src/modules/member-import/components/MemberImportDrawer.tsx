import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Grid, Steps, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { saveBlob } from '../../common/utils/save-blob';
import { downloadImportTemplate, submitImport } from '../api/member-import-api';
import { useImportJob } from '../hooks/useImportJob';
import { isFinished } from '../types/import-job';
import { ImportProgress } from './ImportProgress';
import { ImportResult } from './ImportResult';
import { ImportUploadStep } from './ImportUploadStep';

type Props = {
  onClose: () => void;
  /** Once, when a job has put members in, so that the table shows them. */
  onImported: () => void;
};

/** 导入团员: download the template, upload the filled workbook, follow the job, read the result. */
export function MemberImportDrawer({ onClose, onImported }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const { job, error: pollError, retry } = useImportJob(jobId);
  const finished = job !== null && isFinished(job.status);

  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (job?.status === 'done' && reported.current !== job.jobId) {
      reported.current = job.jobId;
      onImported();
    }
  }, [job, onImported]);

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      const { blob, filename } = await downloadImportTemplate(t('import.templateFileName'));
      saveBlob(blob, filename);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  const upload = async () => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      setJobId((await submitImport(file)).jobId);
    } catch (err) {
      setUploadError(errorMessage(err));
    } finally {
      setUploading(false);
    }
  };

  const startOver = () => {
    setFile(null);
    setUploadError(null);
    setJobId(null);
  };

  const current = jobId ? 2 : file ? 1 : 0;
  const jobStatus = !finished ? 'process' : job.status === 'done' ? 'finish' : 'error';

  return (
    <Drawer
      open
      title={t('import.title')}
      onClose={onClose}
      size={screens.md === false ? '100%' : 560}
      destroyOnHidden
      mask={{ closable: !jobId || finished }}
    >
      <Steps
        orientation="vertical"
        current={current}
        status={current === 2 ? jobStatus : 'process'}
        items={[
          {
            title: t('import.step.template'),
            content: (
              <Flex vertical gap={8} align="start" style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
                <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void downloadTemplate()}>
                  {t('import.downloadTemplate')}
                </Button>
              </Flex>
            ),
          },
          {
            title: t('import.step.upload'),
            content: (
              <ImportUploadStep
                file={file}
                onFile={(picked) => {
                  setFile(picked);
                  setUploadError(null);
                }}
                uploading={uploading}
                error={uploadError}
                onSubmit={() => void upload()}
                disabled={jobId !== null}
              />
            ),
          },
          {
            title: t('import.step.result'),
            content: jobId && (
              <>
                {pollError !== null && (
                  <Alert
                    type="error"
                    showIcon
                    title={errorMessage(pollError)}
                    action={
                      <Button size="small" onClick={retry}>
                        {t('common.retry')}
                      </Button>
                    }
                  />
                )}
                {finished ? <ImportResult job={job} onAgain={startOver} /> : <ImportProgress job={job} />}
              </>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
