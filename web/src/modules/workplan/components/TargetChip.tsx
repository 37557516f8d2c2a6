import { Tag, Tooltip } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { ParsedTarget } from '../types/workplan';
import { formatTarget } from '../utils/format-target';

/** A target found in the text: kept (checked) or dropped; the tooltip shows the phrase it came from. */
export function TargetChip({ target, checked, onChange }: { target: ParsedTarget; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <Tooltip title={target.text}>
      <Tag.CheckableTag
        checked={checked}
        onChange={onChange}
        className="tw-target-chip"
        aria-label={`${formatTarget(target)}：${target.text}`}
      >
        {checked && <CheckOutlined style={{ marginInlineEnd: 4 }} />}
        {formatTarget(target)}
      </Tag.CheckableTag>
    </Tooltip>
  );
}
