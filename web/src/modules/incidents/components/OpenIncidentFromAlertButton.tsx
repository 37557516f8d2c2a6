import { useState } from 'react';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { openIncidentFromAlert } from '../api/incident-api';

/**
 * 登记为安全事件 on a row of 安全告警: one click opens an incident from the alert (its kind, account,
 * time and organization filled in) and shows it; an alert already registered opens its incident.
 */
export function OpenIncidentFromAlertButton({ alertId, onDone }: { alertId: number; onDone?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [loading, setLoading] = useState(false);

  const open = async () => {
    setLoading(true);
    try {
      const incident = await openIncidentFromAlert(alertId);
      message.success(t('incidents.done.fromAlert'));
      onDone?.();
      void navigate(`/incidents?id=${incident.id}`);
    } catch (err) {
      const existing = isApiError(err) ? err.extra.incidentId : undefined;
      if (typeof existing === 'number') {
        message.info(t('incidents.alreadyRegistered'));
        void navigate(`/incidents?id=${existing}`);
      } else {
        message.error(errorMessage(err));
      }
    } finally {
      setLoading(false);
    }
  };

  return (
    <Button size="small" loading={loading} onClick={() => void open()}>
      {t('incidents.action.fromAlert')}
    </Button>
  );
}
