import { Alert, Button, Flex } from 'antd';
import { useT } from '../../../i18n';
import type { PlanBox } from '../types/plan-box';

/** What a list opened from the 工作台 shows, and how the work gets done; the whole list is one click away. */
export function BoxHint({ box, onClear }: { box: PlanBox; onClear: () => void }) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      title={t(box === 'reminders' ? 'workplan.box.reminders' : 'workplan.box.reportsDue')}
      description={
        // The button sits under the text, which keeps its width on a phone.
        <Flex vertical gap={8} align="start">
          <span>{t(box === 'reminders' ? 'workplan.box.remindersHint' : 'workplan.box.reportsDueHint')}</span>
          <Button size="small" onClick={onClear}>
            {t('workplan.box.showAll')}
          </Button>
        </Flex>
      }
    />
  );
}
