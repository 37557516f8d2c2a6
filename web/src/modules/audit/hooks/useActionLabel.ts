import { useCallback } from 'react';
import { useBilingual } from '../../../i18n';
import { AUDIT_ACTION_LABELS } from '../utils/action-labels';

/** org.create → 新建组织; an unknown code is shown raw. */
export function useActionLabel(): (action: string) => string {
  const bilingual = useBilingual();
  return useCallback((action) => bilingual(AUDIT_ACTION_LABELS[action], action), [bilingual]);
}
