import { useState } from 'react';
import { Alert, Badge, Button, Card, Flex, Input, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n';
import { useCan } from '../modules/auth/hooks/useSession';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { usePagedQuery } from '../modules/common/hooks/usePagedQuery';
import { listIncidents, type IncidentPage } from '../modules/incidents/api/incident-api';
import { IncidentDrawer } from '../modules/incidents/components/IncidentDrawer';
import { IncidentFactsModal } from '../modules/incidents/components/IncidentFactsModal';
import { IncidentTable } from '../modules/incidents/components/IncidentTable';
import { INCIDENT_STATUSES, type IncidentQuery, type IncidentStatus } from '../modules/incidents/types/incident';
import { statusKey } from '../modules/incidents/utils/incident-labels';

/**
 * 安全事件: the personal-data incident register (DOMAIN §12 LAW-08, PIPL Art. 57) for the security
 * administrators, who keep it, and the auditor and the province, who read it. `?id=` opens one incident
 * (the 安全告警 page lands here after 登记为安全事件).
 */
export default function IncidentsPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const can = useCan();
  const [searchParams, setSearchParams] = useSearchParams();
  const [query, setQuery] = useState<IncidentQuery>({ page: 1, pageSize: 20 });
  const incidents = usePagedQuery(listIncidents, query);
  const data = incidents.data as IncidentPage | null;
  const [creating, setCreating] = useState(false);
  const openId = Number(searchParams.get('id')) || null;
  const openIncident = (id: number | null) => setSearchParams(id === null ? {} : { id: String(id) });

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {t('incidents.title')}
          {data && data.live > 0 && <Badge count={t('incidents.liveCount', { count: data.live })} color="red" />}
        </Flex>
      }
      extra={
        can('incident.manage') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('incidents.new')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        {data && <Typography.Text type="secondary">{t('incidents.intro', { contain: data.containTargetHours, report: data.reportHours })}</Typography.Text>}
        <Flex gap={12} wrap align="center">
          <Segmented
            value={query.status ?? 'all'}
            options={[{ value: 'all', label: t('incidents.filter.all') }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))]}
            onChange={(value) => setQuery({ ...query, status: value === 'all' ? undefined : (value as IncidentStatus), page: 1 })}
          />
          <Input.Search
            allowClear
            style={{ maxWidth: 320 }}
            placeholder={t('incidents.searchPlaceholder')}
            aria-label={t('incidents.searchPlaceholder')}
            onSearch={(q) => setQuery({ ...query, q: q.trim() || undefined, page: 1 })}
          />
        </Flex>
        {incidents.error !== null && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(incidents.error)}
            action={
              <Button size="small" onClick={incidents.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        <IncidentTable
          data={data}
          loading={incidents.loading}
          page={query.page}
          pageSize={query.pageSize}
          onPageChange={(page, pageSize) => setQuery({ ...query, page, pageSize })}
          onOpen={(incident) => openIncident(incident.id)}
        />
      </Flex>
      {openId !== null && <IncidentDrawer incidentId={openId} onClose={() => openIncident(null)} onChanged={incidents.reload} />}
      {creating && (
        <IncidentFactsModal
          onClose={() => setCreating(false)}
          onDone={(incident) => {
            setCreating(false);
            incidents.reload();
            openIncident(incident.id);
          }}
        />
      )}
    </Card>
  );
}
