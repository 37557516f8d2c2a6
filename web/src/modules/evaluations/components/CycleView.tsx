import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useLang, useT } from '../../../i18n';
import { useCan, useCurrentPost } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { formatTime } from '../../common/utils/format-time';
import { decideCycle, saveEntries, submitCycle } from '../api/evaluation-api';
import { useCycle } from '../hooks/useCycle';
import { useEntryDrafts } from '../hooks/useEntryDrafts';
import { useEvaluationMeta } from '../hooks/useEvaluationMeta';
import type { EvaluationCycleDetail, EvaluationRules } from '../types/evaluation';
import { entryErrors } from '../utils/entry-errors';
import { CycleStatusTag } from './CycleStatusTag';
import { EntriesTable } from './EntriesTable';
import { EntrySummary } from './EntrySummary';
import { MeetingCard } from './MeetingCard';
import { ReturnCycleModal } from './ReturnCycleModal';

type Props = {
  cycleId: number;
  /** After a save, submission or decision, so that lists and counts can follow. */
  onChanged?: () => void;
};

/** One branch's cycle, loaded; the body once it is there. */
export function CycleView({ cycleId, onChanged }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { meta } = useEvaluationMeta();
  const cycle = useCycle(cycleId);

  if (cycle.error !== null) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(cycle.error)}
        action={
          <Button size="small" onClick={cycle.reload}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!cycle.data || !meta) return <Skeleton active />;
  return (
    <CycleBody
      // A fresh answer from the server starts the drafts afresh.
      key={`${cycle.data.id}-${cycle.data.status}`}
      cycle={cycle.data}
      rules={meta.rules}
      onUpdated={(updated) => {
        cycle.replace(updated);
        onChanged?.();
      }}
    />
  );
}

type BodyProps = { cycle: EvaluationCycleDetail; rules: EvaluationRules; onUpdated: (cycle: EvaluationCycleDetail) => void };

/**
 * The meeting, every member's registration and grade, and what may be done now: the branch saves
 * and submits while the cycle is open or returned (the server's refusal shown as it words it); the
 * committee above approves or returns a submitted one.
 */
function CycleBody({ cycle, rules, onUpdated }: BodyProps) {
  const t = useT();
  const { lang } = useLang();
  const can = useCan();
  const post = useCurrentPost();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const drafts = useEntryDrafts(cycle, rules);
  const [busy, setBusy] = useState<'save' | 'submit' | 'approve' | null>(null);
  const [rowErrors, setRowErrors] = useState<ReadonlyMap<number, string[]>>(new Map());
  const [refusal, setRefusal] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);

  const editable = can('evaluation.manage') && (cycle.status === 'open' || cycle.status === 'returned');
  const decidable = can('evaluation.approve') && cycle.status === 'submitted' && post?.orgId !== cycle.orgId;

  /** Sends the changed rows and shows the cycle as saved; null when the server refused a row. */
  const save = async (): Promise<EvaluationCycleDetail | null> => {
    if (!drafts.dirty) return cycle;
    const sentIds = drafts.changedIds;
    try {
      const updated = await saveEntries(cycle.id, drafts.inputs());
      setRowErrors(new Map());
      onUpdated(updated);
      drafts.reset();
      return updated;
    } catch (err) {
      const { byMember, rest } = entryErrors(err, sentIds, lang);
      setRowErrors(byMember);
      setRefusal(rest.length > 0 ? rest.join('；') : byMember.size > 0 ? t('evaluation.rowsRefused') : errorMessage(err));
      return null;
    }
  };

  const run = async (kind: 'save' | 'submit' | 'approve') => {
    setBusy(kind);
    setRefusal(null);
    try {
      if (kind === 'approve') {
        onUpdated(await decideCycle(cycle.id, 'approve', null));
        message.success(t('evaluation.decision.approved', { name: cycle.orgName }));
        return;
      }
      const saved = await save();
      if (!saved) return;
      if (kind === 'save') {
        message.success(t('evaluation.saved'));
        return;
      }
      // What was saved stays saved if the submission is refused; the refusal names the rule not met.
      onUpdated(await submitCycle(cycle.id));
      message.success(t('evaluation.submitted'));
    } catch (err) {
      setRefusal(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const section = (title: string, body: ReactNode, extra?: ReactNode) => (
    <section aria-label={title}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={5} className="tw-section-title" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {body}
    </section>
  );

  return (
    <Flex vertical gap={20}>
      <Flex gap={8} wrap align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('evaluation.cycleTitle', { name: cycle.orgName, year: cycle.year })}
        </Typography.Title>
        <CycleStatusTag status={cycle.status} />
        {cycle.submittedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('evaluation.submittedAt', { at: formatTime(cycle.submittedAt) })}
          </Typography.Text>
        )}
      </Flex>
      {cycle.status === 'returned' && (
        <Alert type="warning" showIcon title={t('evaluation.returnedBy', { by: cycle.decidedBy ?? '' })} description={cycle.decisionReason} />
      )}
      {cycle.status === 'approved' && (
        <Alert type="success" showIcon title={t('evaluation.approvedBy', { by: cycle.decidedBy ?? '', at: formatTime(cycle.decidedAt) })} />
      )}
      {section(t('evaluation.section.meeting'), <MeetingCard cycle={cycle} rules={rules} onSaved={editable ? onUpdated : undefined} />)}
      {section(
        t('evaluation.section.entries', { count: cycle.entries.length }),
        <Flex vertical gap={12}>
          <EntrySummary counts={drafts.counts} rules={rules} />
          <EntriesTable entries={cycle.entries} rules={rules} draft={drafts.draft} onChange={editable ? drafts.update : undefined} errors={rowErrors} />
        </Flex>,
        editable && (
          <Space size={8} wrap>
            <Button size="small" onClick={drafts.registerRest} disabled={drafts.counts.undecided === 0}>
              {t('evaluation.bulk.register')}
            </Button>
            <Button size="small" onClick={() => drafts.gradeRest('qualified')} disabled={drafts.counts.ungraded === 0}>
              {t('evaluation.bulk.qualified')}
            </Button>
          </Space>
        ),
      )}
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
      {editable && (
        <Flex gap={8} wrap justify="end">
          {drafts.dirty && (
            <Typography.Text type="warning" style={{ alignSelf: 'center' }}>
              {t('evaluation.unsaved', { count: drafts.changedIds.length })}
            </Typography.Text>
          )}
          <Button onClick={() => void run('save')} loading={busy === 'save'} disabled={!drafts.dirty || busy !== null}>
            {t('common.save')}
          </Button>
          <Popconfirm title={t('evaluation.submitConfirm')} okText={t('evaluation.submit')} cancelText={t('common.cancel')} onConfirm={() => run('submit')}>
            <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={busy !== null}>
              {t('evaluation.submit')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
      {decidable && (
        <Flex gap={8} wrap justify="end">
          <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} disabled={busy !== null}>
            {t('evaluation.decision.return')}
          </Button>
          <Popconfirm
            title={t('evaluation.decision.approveConfirm', { name: cycle.orgName })}
            okText={t('evaluation.decision.approve')}
            cancelText={t('common.cancel')}
            onConfirm={() => run('approve')}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={busy === 'approve'} disabled={busy !== null}>
              {t('evaluation.decision.approve')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
      {returning && (
        <ReturnCycleModal
          cycle={cycle}
          onClose={() => setReturning(false)}
          onReturned={(updated) => {
            setReturning(false);
            onUpdated(updated);
          }}
        />
      )}
    </Flex>
  );
}
