import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { isAbortError } from '../../../api/client';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { memberMinorAccess } from '../api/minor-access-api';
import type { MinorAccessRequest } from '../types/minor-access';

/** Above an opened minor's record: the approval it is open under and when that ends. */
export function MinorGrantBanner({ memberId, labels }: { memberId: number; labels: readonly string[] }) {
  const t = useT();
  const [grant, setGrant] = useState<MinorAccessRequest | null>(null);
  const labelled = labels.includes('MINOR_SENSITIVE');

  useEffect(() => {
    if (!labelled) return;
    const controller = new AbortController();
    memberMinorAccess(memberId, controller.signal).then(
      (s) => setGrant(s.active),
      (err: unknown) => {
        if (!isAbortError(err)) setGrant(null);
      },
    );
    return () => controller.abort();
  }, [memberId, labelled]);

  if (!labelled || !grant) return null;
  return <Alert type="warning" showIcon title={t('minor.granted', { time: formatTime(grant.expiresAt), by: grant.decidedBy ?? '' })} />;
}
