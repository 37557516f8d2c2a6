import { Tag, Tooltip } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';

/** 安全标记 MINOR_SENSITIVE: shown wherever the record appears, so no one opens it unawares. */
export function MinorLabelTag({ labels }: { labels: readonly string[] | undefined }) {
  const t = useT();
  if (!labels?.includes('MINOR_SENSITIVE')) return null;
  return (
    <Tooltip title={t('minor.tagHint')}>
      <Tag color="magenta" icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0 }}>
        {t('minor.tag')}
      </Tag>
    </Tooltip>
  );
}
