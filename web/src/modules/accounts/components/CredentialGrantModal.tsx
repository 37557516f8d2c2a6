import { Alert, Flex, Modal, QRCode, Typography } from 'antd';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import type { CredentialGrant } from '../types/account';

type Props = { username: string; grant: CredentialGrant; onClose: () => void };

/**
 * The one-time link and code, shown once to the administrator to hand over. The secret sits after
 * '#' in the link, so opening it sends nothing of it to the server's logs or to another site.
 */
export function CredentialGrantModal({ username, grant, onClose }: Props) {
  const t = useT();
  const link = `${window.location.origin}${grant.linkPath}`;
  return (
    <Modal
      open
      title={t(grant.kind === 'activation' ? 'accounts.grant.titleActivation' : 'accounts.grant.titleReset')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      width={620}
      // Above a member's detail drawer, from which it may be opened.
      zIndex={1100}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Alert type="warning" showIcon title={t('accounts.grant.once')} />
        <Typography.Text strong>{t('accounts.grant.for', { username })}</Typography.Text>
        <Flex gap={20} align="start" wrap>
          <Flex vertical gap={8} style={{ flex: 1, minWidth: 280 }}>
            <Typography.Text type="secondary">{t('accounts.grant.code')}</Typography.Text>
            <Typography.Text copyable className="tw-mono" style={{ fontSize: 22, letterSpacing: 1 }} data-testid="grant-code">
              {grant.code}
            </Typography.Text>
            <Typography.Text type="secondary">{t('accounts.grant.codeHint', { url: `${window.location.origin}/activate` })}</Typography.Text>
            <Typography.Text type="secondary">{t('accounts.grant.link')}</Typography.Text>
            <Typography.Paragraph copyable={{ text: link }} className="tw-mono" style={{ wordBreak: 'break-all', marginBottom: 0 }} data-testid="grant-link">
              {link}
            </Typography.Paragraph>
            <Typography.Text>{t('accounts.grant.expires', { time: formatTime(grant.expiresAt) })}</Typography.Text>
          </Flex>
          <Flex vertical align="center" gap={4}>
            <QRCode value={link} size={148} bordered={false} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('accounts.grant.scan')}</Typography.Text>
          </Flex>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('accounts.grant.noPassword')}</Typography.Text>
      </Flex>
    </Modal>
  );
}
