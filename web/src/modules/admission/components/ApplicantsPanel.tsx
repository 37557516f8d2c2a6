import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Flex, Space, Tooltip, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import type { OrgTreeNode } from '../../org/types/org';
import { useApplicantList } from '../hooks/useApplicantList';
import { ApplicantDrawer } from './ApplicantDrawer';
import { ApplicantFilters, type ApplicantStatusFilter } from './ApplicantFilters';
import { ApplicantTable } from './ApplicantTable';
import { NewApplicantModal } from './NewApplicantModal';

type Props = {
  /** The organization whose subtree is listed; undefined lists the whole scope. */
  current: OrgTreeNode | undefined;
  /** Where a new application would be recorded: the selection, or a post's only organization. */
  createIn: OrgTreeNode | undefined;
  /** Bumped by the page's refresh button. */
  reloadToken: number;
};

/** 申请人: the applicants of the selection by step, with 登记入团申请 and each one's record. */
export function ApplicantsPanel({ current, createIn, reloadToken }: Props) {
  const t = useT();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<ApplicantStatusFilter>('in_progress');
  const [step, setStep] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  // ?applicant=<id> opens one record, e.g. from 我的申请 once a minor's record is approved.
  const [searchParams] = useSearchParams();
  const [openId, setOpenId] = useState<number | null>(() => Number(searchParams.get('applicant')) || null);

  const list = useApplicantList({
    orgId: current?.id,
    status: status === 'all' ? undefined : status,
    step,
    q: q || undefined,
    ...paging,
  });

  // Another organization, filter or search starts again at page 1; the page's refresh button reloads.
  const shownFor = JSON.stringify([current?.id, status, step, q]);
  const [last, setLast] = useState({ shownFor, reloadToken });
  if (last.shownFor !== shownFor || last.reloadToken !== reloadToken) {
    setLast({ shownFor, reloadToken });
    if (last.shownFor !== shownFor) setPaging((prev) => ({ ...prev, page: 1 }));
    if (last.reloadToken !== reloadToken) list.reload();
  }

  // Applications are taken by an active 团支部 only.
  const createBlocked =
    createIn?.type !== 'branch' ? t('admission.new.needsBranch') : createIn.status === 'inactive' ? t('admission.new.inactiveBranch') : null;
  const emptyText = q || step !== undefined ? t('admission.empty.noMatch') : t(`admission.empty.${status}`);

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Space size={8} wrap style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">{t('admission.scope')}</Typography.Text>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {current?.name ?? t('member.scopeAll')}
          </Typography.Title>
        </Space>
        {can('admission.manage') && (
          <Tooltip title={createBlocked}>
            <Button type="primary" icon={<UserAddOutlined />} disabled={createBlocked !== null} onClick={() => setCreating(true)}>
              {t('admission.new.open')}
            </Button>
          </Tooltip>
        )}
      </Flex>
      <ApplicantFilters status={status} onStatusChange={setStatus} step={step} onStepChange={setStep} onSearch={setQ} />
      {list.error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(list.error)}
          action={
            <Button size="small" onClick={list.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <ApplicantTable
        data={list.data}
        loading={list.loading}
        page={paging.page}
        pageSize={paging.pageSize}
        onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
        onOpen={(applicant) => setOpenId(applicant.id)}
        emptyText={emptyText}
      />
      {creating && createIn && (
        <NewApplicantModal
          branch={{ id: createIn.id, name: createIn.name }}
          onClose={() => setCreating(false)}
          onCreated={(applicant) => {
            setCreating(false);
            list.reload();
            setOpenId(applicant.id);
          }}
        />
      )}
      {openId !== null && <ApplicantDrawer applicantId={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />}
    </Flex>
  );
}
