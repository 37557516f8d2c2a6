import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, InputNumber, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { isAbortError } from '../../../api/client';
import { useLang, useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { saveBlob } from '../../common/utils/save-blob';
import { downloadMinorsReport, minorsReport } from '../api/minor-access-api';
import type { MinorsReport } from '../types/minor-access';

/** 年度合规报告 (条例 Art. 37): the year's counts on screen and as the Excel file to file with the 网信部门. */
export function MinorsReportPanel() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [year, setYear] = useState(new Date().getFullYear());
  const [report, setReport] = useState<MinorsReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    minorsReport(year, controller.signal).then(setReport, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
  }, [year]);

  const download = async () => {
    setDownloading(true);
    try {
      const { blob, filename } = await downloadMinorsReport(year);
      saveBlob(blob, filename);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('minor.report.hint')} />
      <Space wrap>
        <span>{t('minor.report.year')}</span>
        <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} />
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
          {t('minor.report.download')}
        </Button>
      </Space>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
      {report && (
        <>
          <Typography.Text type="secondary">{t('minor.report.asOf', { date: report.asOf, age: report.sensitiveAge, hours: report.grantHours })}</Typography.Text>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={report.lines}
            columns={[
              { key: 'item', title: t('minor.report.item'), render: (_, l) => (lang === 'en-US' ? l.en : l.zh) },
              { key: 'count', title: t('minor.report.count'), dataIndex: 'count', width: 100, align: 'right' },
              { key: 'note', title: t('minor.report.note'), render: (_, l) => (l.note ? (lang === 'en-US' ? l.note.en : l.note.zh) : '') },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
