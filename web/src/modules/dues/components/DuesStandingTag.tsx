import { Tag } from 'antd';
import { useT } from '../../../i18n';
import type { DuesStanding } from '../types/dues';

/**
 * 已交清, 欠交 or 自行脱团预警 (red: the member may be treated as having left the League), or
 * 未核定 for a member whose dues were never assessed.
 */
export function DuesStandingTag({ standing }: { standing: DuesStanding | null }) {
  const t = useT();
  if (standing === null) return <Tag>{t('dues.standing.unassessed')}</Tag>;
  if (standing.lapseWarning) return <Tag color="red">{t('dues.standing.lapse')}</Tag>;
  if (standing.owedMonths > 0) return <Tag color="orange">{t('dues.standing.owing')}</Tag>;
  return <Tag color="green">{t('dues.standing.paidUp')}</Tag>;
}
