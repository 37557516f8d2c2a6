import { Flex, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { ParsedItem } from '../types/workplan';
import { TargetChip } from './TargetChip';

type Props = {
  item: ParsedItem;
  index: number;
  isKept: (target: number) => boolean;
  onToggle: (target: number, kept: boolean) => void;
};

/** One task as found: its title, its text (folded), the targets to keep, its tags. */
export function PreviewItem({ item, index, isKept, onToggle }: Props) {
  const t = useT();
  return (
    <Flex vertical gap={4} className="tw-preview-item">
      <Typography.Text strong>
        {index + 1}. {item.title}
      </Typography.Text>
      {item.body && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: 0, fontSize: 13 }}>
          {item.body}
        </Typography.Paragraph>
      )}
      {(item.targets.length > 0 || item.tags.length > 0) && (
        <Flex wrap gap={6} align="center">
          {item.targets.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('workplan.import.targets')}
            </Typography.Text>
          )}
          {item.targets.map((target, ti) => (
            <TargetChip key={ti} target={target} checked={isKept(ti)} onChange={(kept) => onToggle(ti, kept)} />
          ))}
          {item.tags.map((tag) => (
            <Tag key={tag} bordered={false} color="geekblue" style={{ marginInlineEnd: 0 }}>
              #{tag}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
