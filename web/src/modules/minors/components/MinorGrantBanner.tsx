import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { isAbortError } from '../../../api/client';
import { useT } from '../../../i18n';
import { formatTime } from '../../common/utils/format-time';
import { subjectMinorAccess } from '../api/minor-access-api';
import type { MinorAccessRequest, MinorSubjectRef } from '../types/minor-access';

/** Above an opened minor's record: the approval it is open under and when that ends. */
export function MinorGrantBanner({ subject, labels }: { subject: MinorSubjectRef; labels: readonly string[] }) {
  const t = useT();
  const [grant, setGrant] = useState<MinorAccessRequest | null>(null);
  const labelled = labels.includes('MINOR_SENSITIVE');

  useEffect(() => {
    if (!labelled) return;
    const controller = new AbortController();
    subjectMinorAccess({ type: subject.type, id: subject.id }, controller.signal).then(
      (s) => setGrant(s.active),
      (err: unknown) => {
        if (!isAbortError(err)) setGrant(null);
      },
    );
    return () => controller.abort();
  }, [subject.type, subject.id, labelled]);

  if (!labelled || !grant) return null;
  return <Alert type="warning" showIcon title={t('minor.granted', { time: formatTime(grant.expiresAt), by: grant.decidedBy ?? '' })} />;
}
