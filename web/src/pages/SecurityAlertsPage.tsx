import { useState } from 'react';
import { Alert, App, Badge, Button, Card, Flex, Segmented, Typography } from 'antd';
import { useT } from '../i18n';
import { useCan } from '../modules/auth/hooks/useSession';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { usePagedQuery } from '../modules/common/hooks/usePagedQuery';
import { listSecurityAlerts, type SecurityAlertPage } from '../modules/security-alerts/api/security-alert-api';
import { AcknowledgeAlertModal } from '../modules/security-alerts/components/AcknowledgeAlertModal';
import { SecurityAlertTable } from '../modules/security-alerts/components/SecurityAlertTable';
import { OpenIncidentFromAlertButton } from '../modules/incidents/components/OpenIncidentFromAlertButton';
import type { SecurityAlert, SecurityAlertQuery } from '../modules/security-alerts/types/security-alert';

/** 安全告警: for the security and audit administrators (DOMAIN §12 DB-12). */
export default function SecurityAlertsPage() {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const can = useCan();
  const [query, setQuery] = useState<SecurityAlertQuery>({ status: 'open', page: 1, pageSize: 20 });
  const alerts = usePagedQuery(listSecurityAlerts, query);
  const data = alerts.data as SecurityAlertPage | null;
  const [acknowledging, setAcknowledging] = useState<SecurityAlert | null>(null);

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {t('alerts.title')}
          {data && data.open > 0 && <Badge count={t('alerts.openCount', { count: data.open })} color="red" />}
        </Flex>
      }
      extra={
        <Segmented
          value={query.status}
          options={[
            { value: 'open', label: t('alerts.open') },
            { value: 'all', label: t('alerts.all') },
          ]}
          onChange={(status) => setQuery({ ...query, status: status as SecurityAlertQuery['status'], page: 1 })}
        />
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('alerts.intro')}</Typography.Text>
        {alerts.error !== null && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(alerts.error)}
            action={
              <Button size="small" onClick={alerts.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        <SecurityAlertTable
          data={data}
          loading={alerts.loading}
          page={query.page}
          pageSize={query.pageSize}
          canAcknowledge={can('alert.acknowledge')}
          onPageChange={(page, pageSize) => setQuery({ ...query, page, pageSize })}
          onAcknowledge={setAcknowledging}
          incidentAction={can('incident.manage') ? (a) => <OpenIncidentFromAlertButton alertId={a.id} onDone={alerts.reload} /> : undefined}
        />
      </Flex>
      {acknowledging && (
        <AcknowledgeAlertModal
          alert={acknowledging}
          onClose={() => setAcknowledging(null)}
          onDone={() => {
            setAcknowledging(null);
            message.success(t('alerts.acknowledge'));
            alerts.reload();
          }}
        />
      )}
    </Card>
  );
}
