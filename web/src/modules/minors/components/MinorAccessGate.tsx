import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Result, Skeleton, Space } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { isAbortError } from '../../../api/client';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { formatTime } from '../../common/utils/format-time';
import { revokeMinorAccess, subjectMinorAccess } from '../api/minor-access-api';
import type { MinorSubjectRef, SubjectMinorAccess } from '../types/minor-access';
import { MinorAccessRequestModal } from './MinorAccessRequestModal';

type Props = {
  subject: MinorSubjectRef;
  /** Try to open the record again (after an approval). */
  onRetry: () => void;
};

/**
 * In place of a minor's record the server would not open (APPROVAL_REQUIRED): what the rule is,
 * and the request — to make, waiting, or to withdraw.
 */
export function MinorAccessGate({ subject, onRetry }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<SubjectMinorAccess | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    subjectMinorAccess({ type: subject.type, id: subject.id }, controller.signal).then(
      (s) => {
        setStatus(s);
        // Approved since the drawer opened (found on 刷新): open the record. Not on first load, so a
        // record the server still refuses cannot loop.
        if (s.active && version > 0) onRetry();
      },
      (err: unknown) => {
        if (!isAbortError(err)) setError(err);
      },
    );
    return () => controller.abort();
  }, [subject.type, subject.id, version, onRetry]);

  if (error !== null) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (!status) return <Skeleton active />;
  const pending = status.pending;
  const withdraw = async () => {
    if (!pending) return;
    try {
      await revokeMinorAccess(pending.id, '申请人撤回');
      setVersion((v) => v + 1);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Result
        icon={<SafetyCertificateOutlined style={{ color: '#c41d7f' }} />}
        title={t('minor.gate.title')}
        subTitle={t('minor.gate.body')}
        extra={
          pending ? (
            <Flex vertical align="center" gap={8}>
              <Alert type="info" showIcon title={t('minor.gate.pending', { time: formatTime(pending.requestedAt), hours: pending.requestedHours })} />
              <Space>
                <Button type="primary" onClick={() => setVersion((v) => v + 1)}>{t('minor.gate.refresh')}</Button>
                <Button onClick={() => void withdraw()}>{t('minor.gate.withdraw')}</Button>
              </Space>
            </Flex>
          ) : (
            <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setAsking(true)}>
              {t('minor.gate.request')}
            </Button>
          )
        }
      />
      {asking && (
        <MinorAccessRequestModal
          subject={{ ref: subject, name: status.name, orgName: status.orgName }}
          maxHours={status.maxHours}
          onClose={() => setAsking(false)}
          onSent={() => {
            setAsking(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Flex>
  );
}
