import { Alert } from 'antd';
import { useT } from '../../../i18n';
import type { PlanBoard } from '../types/workplan';

/**
 * What the owning committee still has to set up after an import: lead departments to name and
 * targets found in the text to confirm. Nothing when all is set.
 */
export function BoardTodoHint({ board }: { board: PlanBoard }) {
  const t = useT();
  const tasks = board.sections.flatMap((s) => s.tasks);
  const noLead = tasks.filter((task) => task.leadDepartmentId === null).length;
  const proposed = tasks.reduce((n, task) => n + task.proposedTargets, 0);
  const lines = [
    ...(noLead > 0 ? [t('workplan.board.hintNoLead', { count: noLead })] : []),
    ...(proposed > 0 ? [t('workplan.board.hintProposed', { count: proposed })] : []),
  ];
  if (lines.length === 0) return null;
  return <Alert type="info" showIcon title={t('workplan.board.hintTitle')} description={lines.join(' ')} closable />;
}
