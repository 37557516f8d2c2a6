import { Alert, Button, Flex } from 'antd';
import { useT } from '../../../i18n';
import type { OwnOrgWork } from '../types/workplan';

type Props = {
  work: OwnOrgWork;
  /** Narrow the board to the tasks concerned. */
  onShow: (which: 'reminded' | 'unreported') => void;
};

/** What waits for the post's own organization on this plan: reminders to answer, this month's reports; nothing when none. */
export function OwnOrgWorkHint({ work, onShow }: Props) {
  const t = useT();
  if (work.openReminders === 0 && work.reportsDueThisMonth === 0) return null;
  const line = (text: string, which: 'reminded' | 'unreported') => (
    <Flex wrap gap={8} align="center">
      <span>{text}</span>
      <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onShow(which)}>
        {t('workplan.board.showThese')}
      </Button>
    </Flex>
  );
  return (
    <Alert
      type="warning"
      showIcon
      title={t('workplan.board.ownWorkTitle')}
      description={
        <Flex vertical gap={2}>
          {work.openReminders > 0 && line(t('workplan.board.ownReminders', { count: work.openReminders }), 'reminded')}
          {work.reportsDueThisMonth > 0 && line(t('workplan.board.ownReportsDue', { count: work.reportsDueThisMonth }), 'unreported')}
        </Flex>
      }
    />
  );
}
