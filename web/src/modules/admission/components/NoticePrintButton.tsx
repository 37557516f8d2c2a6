import { useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { downloadFile } from '../../../api/client';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { saveBlob } from '../../common/utils/save-blob';
import type { AdmissionNotice } from '../types/admission';

/**
 * 导出公示名单: the printable notice of the batch this notice belongs to. The server's template
 * holds names and organizations only (DOMAIN §13 B7), never ID numbers, phones or birth dates.
 */
export function NoticePrintButton({ notice }: { notice: AdmissionNotice }) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [loading, setLoading] = useState(false);

  const print = async () => {
    setLoading(true);
    try {
      const { blob, filename } = await downloadFile(`/api/admission/notices/${notice.id}/publication.xlsx`, undefined, `公示_${notice.startOn}.xlsx`);
      saveBlob(blob, filename);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Tooltip title={t('export.noticePrintHint')}>
      <Button size="small" icon={<PrinterOutlined />} loading={loading} onClick={() => void print()} style={{ flex: 'none' }}>
        {t('export.noticePrint')}
      </Button>
    </Tooltip>
  );
}
