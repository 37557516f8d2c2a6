import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { isApiError } from '../../../api/client';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { listRules } from '../../rules/api/rules-api';
import { useApiFieldErrors } from '../../common/hooks/useApiFieldErrors';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { saveBlob } from '../../common/utils/save-blob';
import { fullExportMembers } from '../api/full-export-api';
import type { MemberListFilter } from '../types/member';

/** The default of the rule export.fullExportTtlMinutes (DOMAIN §12 DB-16), until the rules table answers. */
const DEFAULT_TTL_MINUTES = 60;

type Props = {
  filter: MemberListFilter;
  /** Whose members: the selected organization's name, or 全部. */
  scopeName: string;
  onClose: () => void;
};

/**
 * 完整导出: asks for the reason, says what happens to the file (watermark, one download within the
 * hour, audit), then prepares and downloads it. A refusal for too many exports says when to retry.
 */
export function FullExportModal({ filter, scopeName, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const applyErrors = useApiFieldErrors();
  const [form] = Form.useForm<{ reason: string }>();
  const [loading, setLoading] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const can = useCan();
  const mayReadRules = can('rules.read');
  // The minutes the file waits, as the province has set them.
  const [ttlMinutes, setTtlMinutes] = useState(DEFAULT_TTL_MINUTES);
  useEffect(() => {
    if (!mayReadRules) return;
    const controller = new AbortController();
    listRules(controller.signal).then(
      (rules) => {
        const ttl = rules.find((r) => r.key === 'export.fullExportTtlMinutes');
        if (ttl) setTtlMinutes(ttl.value);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [mayReadRules]);

  const submit = async ({ reason }: { reason: string }) => {
    setLoading(true);
    setRefusal(null);
    try {
      const { blob, filename, prepared } = await fullExportMembers(filter, reason.trim(), `${scopeName}_完整信息.xlsx`);
      saveBlob(blob, filename);
      message.success(t('export.full.done', { file: filename, rows: prepared.rows }));
      if (prepared.withheldMinors > 0) message.warning(t('export.full.withheld', { count: prepared.withheldMinors }));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === 'RATE_LIMITED') {
        setRefusal(errorMessage(err));
      } else {
        const rest = applyErrors(form, err, ['reason']);
        if (rest) setRefusal(rest);
      }
    } finally {
      setLoading(false);
    }
  };

  return (
    <Modal
      open
      title={t('export.full.title')}
      okText={t('export.full.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('export.full.scope', { scope: scopeName })}</Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('export.full.warning')}
        description={t('export.full.rules', { minutes: ttlMinutes })}
      />
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={refusal} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="reason"
          label={t('export.full.reason')}
          rules={[
            { required: true, whitespace: true, message: t('export.full.reasonRequired') },
            { min: 2, max: 200, message: t('export.full.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('export.full.reasonPlaceholder')} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
