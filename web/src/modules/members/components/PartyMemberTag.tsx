import { Tag, Tooltip } from 'antd';
import { useT } from '../../../i18n';

/** 保留团籍的党员: a Party member under 28 keeps 团籍 and stays on the branch's roll. */
export function PartyMemberTag() {
  const t = useT();
  return (
    <Tooltip title={t('member.partyKeepingHint')}>
      <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
        {t('member.partyKeepingTag')}
      </Tag>
    </Tooltip>
  );
}
