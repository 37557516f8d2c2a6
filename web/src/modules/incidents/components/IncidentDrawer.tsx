import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Skeleton, Space, Typography } from 'antd';
import { isAbortError } from '../../../api/client';
import { useLang, useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { formatTime } from '../../common/utils/format-time';
import { fetchIncident } from '../api/incident-api';
import type { Incident } from '../types/incident';
import { piKindKey } from '../utils/incident-labels';
import { CloseIncidentModal } from './CloseIncidentModal';
import { IncidentFactsModal } from './IncidentFactsModal';
import { IncidentStepModal, type IncidentStep } from './IncidentStepModal';
import { IncidentDeadlines, IncidentTags } from './IncidentTags';
import { IncidentTimeline } from './IncidentTimeline';

type Props = { incidentId: number; onClose: () => void; onChanged: () => void };

/**
 * 安全事件详情: the facts the notice must state (PIPL Art. 57), the report and the notices, the alerts
 * it came from and the timeline; what closing still needs; the steps the post may take next.
 */
export function IncidentDrawer({ incidentId, onClose, onChanged }: Props) {
  const t = useT();
  const { lang } = useLang();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const screens = Grid.useBreakpoint();
  const [data, setData] = useState<Incident | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const [step, setStep] = useState<IncidentStep | null>(null);
  const [closing, setClosing] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    fetchIncident(incidentId, controller.signal).then(setData, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
  }, [incidentId, version]);

  const changed = useCallback(
    (incident: Incident) => {
      setData(incident);
      setEditing(false);
      setStep(null);
      setClosing(false);
      onChanged();
    },
    [onChanged],
  );

  const manage = can('incident.manage');
  const live = data !== null && data.status !== 'closed';
  const orEmpty = (text: string): ReactNode => (text.trim() ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : <Typography.Text type="danger">{t('incidents.notFilled')}</Typography.Text>);
  const section = (title: string, body: ReactNode) => (
    <section aria-label={title}>
      <Typography.Title level={5} className="tw-section-title">
        {title}
      </Typography.Title>
      {body}
    </section>
  );

  return (
    <Drawer
      open
      title={
        data ? (
          <Space size={8} wrap>
            {data.title}
            <IncidentTags incident={data} />
          </Space>
        ) : (
          t('incidents.detail')
        )
      }
      onClose={onClose}
      size={screens.md === false ? '100%' : 800}
      destroyOnHidden
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error)}
          action={
            <Button size="small" onClick={() => setVersion((v) => v + 1)}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {!data && error === null && <Skeleton active />}
      {data && (
        <Flex vertical gap={20}>
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">
              {data.orgName} · {t('incidents.field.detectedAt')} {formatTime(data.detectedAt)} · {t('incidents.createdBy', { user: data.createdBy, time: formatTime(data.createdAt) })}
            </Typography.Text>
            <IncidentDeadlines incident={data} />
            {data.involvesMinors && live && <Alert type="warning" showIcon title={t('incidents.minorsBanner')} />}
            {live &&
              (data.missingForClose.length > 0 ? (
                <Alert
                  type="info"
                  showIcon
                  title={t('incidents.missingTitle')}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {data.missingForClose.map((m) => (
                        <li key={m.field}>{lang === 'en-US' ? m.messageEn : m.message}</li>
                      ))}
                    </ul>
                  }
                />
              ) : (
                <Alert type="success" showIcon title={t('incidents.readyToClose')} />
              ))}
            {data.status === 'closed' && <Alert type="success" showIcon title={t('incidents.closedBy', { user: data.closedBy ?? '—', time: formatTime(data.closedAt) })} />}
          </Flex>
          {manage && (
            <Space wrap>
              {live && <Button onClick={() => setEditing(true)}>{t('incidents.action.edit')}</Button>}
              {live && data.containedAt === null && <Button onClick={() => setStep('contain')}>{t('incidents.action.contain')}</Button>}
              {live && (data.regulatorNotifiedAt === null || data.individualsNotifiedAt === null) && (
                <Button onClick={() => setStep('notice')}>{t('incidents.action.notice')}</Button>
              )}
              <Button onClick={() => setStep('note')}>{t('incidents.action.note')}</Button>
              {live && (
                <Button type="primary" onClick={() => setClosing(true)}>
                  {t('incidents.action.close')}
                </Button>
              )}
            </Space>
          )}
          {section(
            t('incidents.section.art57'),
            <Descriptions
              size="small"
              column={1}
              bordered
              styles={{ label: { width: 200 } }}
              items={[
                { key: 'piKinds', label: t('incidents.field.piKinds'), children: data.piKinds.length > 0 ? data.piKinds.map((k) => t(piKindKey(k))).join('、') : orEmpty('') },
                { key: 'affected', label: t('incidents.field.affectedEstimate'), children: data.affectedEstimate ?? '—' },
                { key: 'cause', label: t('incidents.field.cause'), children: orEmpty(data.cause) },
                { key: 'harm', label: t('incidents.field.harm'), children: orEmpty(data.harm) },
                { key: 'remedies', label: t('incidents.field.remedies'), children: orEmpty(data.remedies) },
                { key: 'measures', label: t('incidents.field.individualMeasures'), children: orEmpty(data.individualMeasures) },
                { key: 'contact', label: t('incidents.field.contact'), children: orEmpty(data.contact) },
              ]}
            />,
          )}
          {section(
            t('incidents.section.notices'),
            <Descriptions
              size="small"
              column={1}
              bordered
              styles={{ label: { width: 200 } }}
              items={[
                {
                  key: 'regulator',
                  label: t('incidents.regulator'),
                  children: data.regulatorNotifiedAt
                    ? t('incidents.noticeBy', { time: formatTime(data.regulatorNotifiedAt), user: data.regulatorNotifiedBy ?? '—', note: data.regulatorNotice ?? '' })
                    : <Typography.Text type="secondary">{t('incidents.notRecorded')}</Typography.Text>,
                },
                {
                  key: 'individuals',
                  label: t('incidents.individuals'),
                  children: data.individualsNotifiedAt
                    ? t('incidents.noticeBy', { time: formatTime(data.individualsNotifiedAt), user: data.individualsNotifiedBy ?? '—', note: data.individualsNotice ?? '' })
                    : data.individualsExemption
                      ? t('incidents.exemption', { reason: data.individualsExemption })
                      : <Typography.Text type="secondary">{t('incidents.notRecorded')}</Typography.Text>,
                },
              ]}
            />,
          )}
          {section(
            t('incidents.section.alerts'),
            data.alerts.length === 0 ? (
              <Typography.Text type="secondary">{t('incidents.noAlerts')}</Typography.Text>
            ) : (
              <Flex vertical gap={4}>
                {data.alerts.map((a) => (
                  <Typography.Text key={a.id}>
                    {t('incidents.alertLine', {
                      time: formatTime(a.at),
                      kind: lang === 'en-US' ? a.kindNameEn : a.kindName,
                      user: a.username ?? '—',
                      count: a.limit === null ? a.count : `${a.count} / ${a.limit}`,
                    })}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          )}
          {section(t('incidents.section.timeline'), <IncidentTimeline events={data.timeline} />)}
        </Flex>
      )}
      {editing && data && <IncidentFactsModal incident={data} onClose={() => setEditing(false)} onDone={changed} />}
      {step && data && <IncidentStepModal incident={data} step={step} onClose={() => setStep(null)} onDone={changed} />}
      {closing && data && <CloseIncidentModal incident={data} onClose={() => setClosing(false)} onDone={changed} />}
    </Drawer>
  );
}
