import { useState } from 'react';
import { Alert, App, Button, Card, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { saveBlob } from '../../common/utils/save-blob';
import { downloadMyRecord } from '../api/my-privacy-api';
import { useMySubjectRequests } from '../hooks/useMySubjectRequests';
import type { SubjectRequest } from '../types/subject-request';
import { fieldLabel, kindLabel, reasonLabel, requesterLabel, STATUS_COLORS, statusLabel } from '../utils/subject-request-labels';
import { SubjectRequestModal } from './SubjectRequestModal';

/** 我的个人信息: download one's own record, ask for a correction, deletion or restriction, and follow the requests. */
export function MyPrivacyCard({ memberId }: { memberId: number }) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { data, error, reload } = useMySubjectRequests();
  const [downloading, setDownloading] = useState(false);
  const [modal, setModal] = useState<'correction' | 'deletion' | null>(null);

  const download = async () => {
    setDownloading(true);
    try {
      const { blob, filename } = await downloadMyRecord(memberId);
      saveBlob(blob, filename);
      message.success(t('privacy.downloaded'));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card size="small" title={t('privacy.card.title')} className="tw-me-card">
      <Flex vertical gap={12}>
        {data?.restricted && <Alert type="warning" showIcon title={t('privacy.restrictedBanner')} />}
        {data && <Typography.Text type="secondary">{t('privacy.card.intro', { days: data.responseDays })}</Typography.Text>}
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
            {downloading ? t('privacy.downloading') : t('privacy.download')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setModal('correction')}>
            {t('privacy.askCorrection')}
          </Button>
          <Button icon={<StopOutlined />} onClick={() => setModal('deletion')}>
            {t('privacy.askDeletion')}
          </Button>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('privacy.card.minorHint')}
        </Typography.Text>
        <Typography.Text strong>{t('privacy.myRequests')}</Typography.Text>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(error)}
            action={
              <Button size="small" onClick={reload}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {!data && error === null && <Skeleton active paragraph={{ rows: 2 }} />}
        {data && (
          <List
            size="small"
            locale={{ emptyText: t('privacy.noRequests') }}
            dataSource={data.items}
            renderItem={(r) => <RequestItem request={r} />}
          />
        )}
      </Flex>
      <SubjectRequestModal mode={modal ?? 'correction'} open={modal !== null} onClose={() => setModal(null)} onCreated={reload} />
    </Card>
  );
}

function RequestItem({ request: r }: { request: SubjectRequest }) {
  const t = useT();
  return (
    <List.Item style={{ paddingInline: 0 }}>
      <Flex vertical gap={2} style={{ width: '100%' }}>
        <Flex justify="space-between" gap={8} wrap>
          <Space size={4} wrap>
            <Tag>{t(kindLabel(r.kind))}</Tag>
            <span>{r.field ? t(fieldLabel(r.field)) : r.reasonCode ? t(reasonLabel(r.reasonCode)) : ''}</span>
          </Space>
          <Tag color={STATUS_COLORS[r.status]}>{t(statusLabel(r.status))}</Tag>
        </Flex>
        {r.proposedValue && <Typography.Text type="secondary">{t('privacy.proposed', { value: r.proposedValue })}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(requesterLabel(r.requesterKind))} · {r.createdAt.slice(0, 10)}
          {r.status === 'open' && <> · {t('privacy.dueOn', { date: r.dueOn })}</>}
          {r.overdue && <Tag color="error" style={{ marginInlineStart: 6 }}>{t('privacy.overdue')}</Tag>}
        </Typography.Text>
        {r.decisionReason && <Typography.Text>{t('privacy.decisionReason', { reason: r.decisionReason })}</Typography.Text>}
      </Flex>
    </List.Item>
  );
}
