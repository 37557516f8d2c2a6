import { useState } from 'react';
import { App, Button } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { saveBlob } from '../../common/utils/save-blob';
import { downloadAttachment } from '../api/task-api';
import type { Attachment } from '../types/workplan';

/** An attachment of a report, downloaded through the API so that a refusal shows as a message. */
export function AttachmentLink({ attachment }: { attachment: Attachment }) {
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await downloadAttachment(attachment.id, attachment.fileName);
      saveBlob(blob, filename);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="link" size="small" icon={<PaperClipOutlined />} loading={busy} onClick={() => void download()} style={{ paddingInline: 0, height: 'auto' }}>
      {attachment.fileName}
    </Button>
  );
}
