import { Typography } from 'antd';
import { useT } from '../../../i18n';

// Enough names to recognise the selection without the dialog growing with it.
const SHOWN = 8;

/** Whom a dialog acts on: the names, shortened to the first few for a long selection. */
export function SelectedMembersNote({ names }: { names: string[] }) {
  const t = useT();
  const shown = names.slice(0, SHOWN).join(t('dues.nameSeparator'));
  return (
    <Typography.Paragraph style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('dues.forMembers', { count: names.length })}</Typography.Text>
      {shown}
      {names.length > SHOWN && t('dues.andMore', { count: names.length })}
    </Typography.Paragraph>
  );
}
