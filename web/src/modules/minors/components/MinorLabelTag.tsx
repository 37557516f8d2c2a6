import { Tag, Tooltip } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';

/**
 * 安全标记 MINOR_SENSITIVE: shown wherever the record appears, so no one opens it unawares.
 * `compact` is the icon alone, for the narrow name column of the list.
 */
export function MinorLabelTag({ labels, compact = false }: { labels: readonly string[] | undefined; compact?: boolean }) {
  const t = useT();
  if (!labels?.includes('MINOR_SENSITIVE')) return null;
  return (
    <Tooltip title={compact ? `${t('minor.tag')}：${t('minor.tagHint')}` : t('minor.tagHint')}>
      {compact ? (
        <SafetyCertificateOutlined role="img" aria-label={t('minor.tag')} style={{ color: '#c41d7f' }} />
      ) : (
        <Tag color="magenta" icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0 }}>
          {t('minor.tag')}
        </Tag>
      )}
    </Tooltip>
  );
}
