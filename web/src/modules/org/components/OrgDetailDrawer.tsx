import { useEffect, useState } from 'react';
import { Alert, Descriptions, Drawer, Grid, Skeleton } from 'antd';
import type { DescriptionsProps } from 'antd';
import { isAbortError } from '../../../api/client';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { formatTime } from '../../common/utils/format-time';
import { getOrg } from '../api/org-api';
import { useOrgEnums } from '../hooks/useOrgEnums';
import type { Org } from '../types/org';
import { ElectionDue } from './ElectionDue';
import { OrgStatusTag } from './OrgStatusTag';

type Props = {
  orgId: number;
  onClose: () => void;
  reloadToken?: number;
  /** Looked up by the caller in the loaded tree; the API returns only the parent's id. */
  parentName?: (parentId: number) => string | undefined;
};

/** Every field of one organization; the phone arrives already masked. */
export function OrgDetailDrawer({ orgId, onClose, reloadToken, parentName }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const enums = useOrgEnums();
  const screens = Grid.useBreakpoint();
  const [org, setOrg] = useState<Org | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    getOrg(orgId, controller.signal).then(setOrg, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
  }, [orgId, reloadToken]);

  const none = t('common.none');
  const items: DescriptionsProps['items'] = org
    ? [
        { key: 'name', label: t('org.field.name'), children: org.name },
        ...(org.parentId !== null && parentName?.(org.parentId)
          ? [{ key: 'parent', label: t('org.field.parent'), children: parentName(org.parentId) }]
          : []),
        { key: 'shortName', label: t('org.field.shortName'), children: org.shortName ?? none },
        { key: 'status', label: t('org.field.status'), children: <OrgStatusTag status={org.status} /> },
        { key: 'type', label: t('org.field.type'), children: enums.label('types', org.type) },
        { key: 'kind', label: t('org.field.kind'), children: enums.label('kinds', org.kind) },
        {
          key: 'industry',
          label: t('org.field.industryCategory'),
          children: enums.label('industryCategories', org.industryCategory) || none,
        },
        {
          key: 'region',
          label: t('org.field.region'),
          children: org.regionCode ? `${org.regionCode} ${org.regionName ?? ''}` : none,
        },
        { key: 'foundedOn', label: t('org.field.foundedOn'), children: org.foundedOn ?? none },
        { key: 'lastElectionOn', label: t('org.field.lastElectionOn'), children: org.lastElectionOn ?? none },
        { key: 'termYears', label: t('org.field.termYears'), children: org.termYears ?? none },
        {
          key: 'nextElectionDue',
          label: t('org.field.nextElectionDue'),
          children: <ElectionDue due={org.nextElectionDue} overdue={org.electionOverdue} />,
        },
        { key: 'contactName', label: t('org.field.contactName'), children: org.contactName ?? none },
        { key: 'contactPhone', label: t('org.field.contactPhone'), children: org.contactPhoneMasked ?? none },
        { key: 'childCount', label: t('org.field.childCount'), children: org.childCount },
        ...(org.status === 'inactive'
          ? [
              { key: 'deactivatedAt', label: t('org.field.deactivatedAt'), children: formatTime(org.deactivatedAt) },
              {
                key: 'deactivationReason',
                label: t('org.field.deactivationReason'),
                children: org.deactivationReason ?? none,
              },
            ]
          : []),
        { key: 'id', label: t('org.field.id'), children: org.id },
        { key: 'depth', label: t('org.field.depth'), children: org.depth },
        { key: 'createdAt', label: t('org.field.createdAt'), children: formatTime(org.createdAt) },
        { key: 'updatedAt', label: t('org.field.updatedAt'), children: formatTime(org.updatedAt) },
      ]
    : [];

  return (
    <Drawer
      open
      title={org ? org.name : t('org.detailTitle')}
      onClose={onClose}
      size={screens.md === false ? '100%' : 560}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} />}
      {!org && error === null && <Skeleton active />}
      {org && <Descriptions column={1} bordered size="small" items={items} />}
    </Drawer>
  );
}
