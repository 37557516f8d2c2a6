import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Skeleton, Tabs, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useT } from '../i18n';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { GroupPanel } from '../modules/workplan/components/GroupPanel';
import { IssueTable } from '../modules/workplan/components/IssueTable';
import { WorkplanCrumbs } from '../modules/workplan/components/WorkplanCrumbs';
import { usePlanBoard } from '../modules/workplan/hooks/usePlanBoard';
import { useSupervision } from '../modules/workplan/hooks/useSupervision';
import type { NamedGroup, SupervisionGroup } from '../modules/workplan/types/workplan';

type Tab = 'issues' | 'departments' | 'orgs';

const named = (groups: SupervisionGroup[], unnamed: string): NamedGroup[] => groups.map((g) => ({ ...g, name: g.name ?? unnamed }));

/**
 * 督办: what needs chasing in a plan — the tasks overdue, lagging or unreported for the committee and
 * each organization — and the same counted by lead department and by organization.
 */
export default function WorkplanSupervisionPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const planId = Number(useParams().id);
  const board = usePlanBoard(planId);
  const supervision = useSupervision(planId);
  const [tab, setTab] = useState<Tab>('issues');
  const data = supervision.data;
  // Tasks without a lead department come as a group without a name.
  const byDepartment = useMemo(() => named(data?.byDepartment ?? [], t('workplan.supervision.noDepartment')), [data, t]);
  const byOrg = useMemo(() => named(data?.byOrg ?? [], ''), [data]);
  const title = board.data?.plan.title ?? '';

  return (
    <Flex vertical gap={12}>
      <WorkplanCrumbs items={[{ title, to: `/workplan/${planId}` }, { title: t('workplan.board.supervision') }]} />
      <Card size="small">
        <Flex vertical gap={12}>
          <Flex wrap gap={8} align="center" justify="space-between">
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('workplan.supervision.title')}
              </Typography.Title>
              {board.data && (
                <Typography.Text type="secondary">
                  {board.data.plan.title} · {board.data.plan.orgName}
                </Typography.Text>
              )}
            </Flex>
            <Tooltip title={t('common.refresh')}>
              <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} loading={supervision.loading && data !== null} onClick={supervision.reload} />
            </Tooltip>
          </Flex>
          <Typography.Text type="secondary">{t('workplan.supervision.intro')}</Typography.Text>
          {supervision.error !== null && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(supervision.error)}
              action={
                <Button size="small" onClick={supervision.reload}>
                  {t('common.retry')}
                </Button>
              }
            />
          )}
          {!data && supervision.error === null && <Skeleton active />}
          {data && (
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key as Tab)}
              items={[
                {
                  key: 'issues',
                  label: t('workplan.supervision.issues', { count: data.items.length }),
                  children: <IssueTable items={data.items} onReminded={supervision.reload} />,
                },
                {
                  key: 'departments',
                  label: t('workplan.supervision.byDepartment'),
                  children: (
                    <GroupPanel
                      groups={byDepartment}
                      nameTitle={t('workplan.col.lead')}
                      chartTitle={t('workplan.supervision.departmentChart')}
                      emptyText={t(data.owner ? 'workplan.supervision.noDepartments' : 'workplan.supervision.departmentsOwnerOnly')}
                    />
                  ),
                },
                {
                  key: 'orgs',
                  label: t('workplan.supervision.byOrg'),
                  children: (
                    <GroupPanel
                      groups={byOrg}
                      nameTitle={t('workplan.assign.org')}
                      chartTitle={t('workplan.supervision.orgChart')}
                      emptyText={t('workplan.supervision.noOrgs')}
                    />
                  ),
                },
              ]}
            />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
