import { Alert, Button, Flex } from 'antd';
import { useT } from '../../../i18n';
import type { PlanBox } from '../types/plan-box';
import type { PlanSummary } from '../types/workplan';

type Props = {
  box: PlanBox;
  /** The plans in the box once loaded: the title counts the reminders or tasks they hold. */
  plans: PlanSummary[] | null;
  onClear: () => void;
};

/** What a list opened from the 工作台 shows, and how the work gets done; the whole list is one click away. */
export function BoxHint({ box, plans, onClear }: Props) {
  const t = useT();
  const reminders = box === 'reminders';
  const count = plans?.reduce((n, plan) => n + (reminders ? plan.openReminders : plan.reportsDueThisMonth), 0) ?? 0;
  const title = count > 0
    ? t(reminders ? 'workplan.box.remindersCount' : 'workplan.box.reportsDueCount', { count })
    : t(reminders ? 'workplan.box.reminders' : 'workplan.box.reportsDue');
  return (
    <Alert
      type="info"
      showIcon
      title={title}
      description={
        // The button sits under the text, which keeps its width on a phone.
        <Flex vertical gap={8} align="start">
          <span>{t(reminders ? 'workplan.box.remindersHint' : 'workplan.box.reportsDueHint')}</span>
          <Button size="small" onClick={onClear}>
            {t('workplan.box.showAll')}
          </Button>
        </Flex>
      }
    />
  );
}
