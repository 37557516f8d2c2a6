import { Tag } from 'antd';
import { useT } from '../../../i18n';
import type { MinorAccessState } from '../types/minor-access';

const COLORS: Record<MinorAccessState, string> = { pending: 'processing', active: 'success', expired: 'default', refused: 'error', revoked: 'warning' };

/** Where a request stands, as a coloured tag. */
export function MinorStateTag({ state }: { state: MinorAccessState }) {
  const t = useT();
  return <Tag color={COLORS[state]} style={{ marginInlineEnd: 0 }}>{t(`minor.state.${state}`)}</Tag>;
}
