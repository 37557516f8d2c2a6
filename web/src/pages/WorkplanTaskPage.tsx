import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Skeleton } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useT } from '../i18n';
import { useCan, useCurrentPost } from '../modules/auth/hooks/useSession';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { AssignmentTable } from '../modules/workplan/components/AssignmentTable';
import { DivisionCard } from '../modules/workplan/components/DivisionCard';
import { EvaluationCard } from '../modules/workplan/components/EvaluationCard';
import { MilestoneCard } from '../modules/workplan/components/MilestoneCard';
import { RemarkCard } from '../modules/workplan/components/RemarkCard';
import { ReportModal } from '../modules/workplan/components/ReportModal';
import { ReportTimeline } from '../modules/workplan/components/ReportTimeline';
import { TargetTable } from '../modules/workplan/components/TargetTable';
import { TaskSummary } from '../modules/workplan/components/TaskSummary';
import { WorkplanCrumbs } from '../modules/workplan/components/WorkplanCrumbs';
import { useTaskDetail } from '../modules/workplan/hooks/useTaskDetail';
import { taskRights } from '../modules/workplan/utils/task-rights';

/**
 * 任务: what the plan asks, how far it has come and from what; targets, division of work,
 * assignments down the tree, milestones, reports, 督办 and the year-end score.
 */
export default function WorkplanTaskPage() {
  const t = useT();
  const can = useCan();
  const post = useCurrentPost();
  const errorMessage = useErrorMessage();
  const taskId = Number(useParams().id);
  const task = useTaskDetail(taskId);
  const [reporting, setReporting] = useState(false);
  const detail = task.data;

  if (!detail) {
    return (
      <Card size="small">
        {task.error !== null ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(task.error)}
            action={
              <Button size="small" onClick={task.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : (
          <Skeleton active />
        )}
      </Card>
    );
  }

  const rights = taskRights(detail, can('workplan.report'), post?.orgId);
  const reportButton = rights.report && (
    <Button type="primary" icon={<EditOutlined />} onClick={() => setReporting(true)}>
      {t('workplan.report.open')}
    </Button>
  );

  return (
    <Flex vertical gap={12}>
      <WorkplanCrumbs items={[{ title: detail.plan.title, to: `/workplan/${detail.plan.id}` }, { title: detail.task.title }]} />
      {detail.plan.status === 'archived' && <Alert type="warning" showIcon title={t('workplan.board.archivedHint')} />}
      <Card size="small">
        <TaskSummary detail={detail} actions={reportButton} />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xxl={16}>
          <Flex vertical gap={12}>
            <TargetTable detail={detail} editable={rights.edit} onChanged={task.reload} />
            <AssignmentTable detail={detail} assigners={rights.assigners} onChanged={task.reload} />
            <Card size="small" title={t('workplan.report.cardTitle')} extra={reportButton && <Button size="small" onClick={() => setReporting(true)}>{t('workplan.report.open')}</Button>}>
              <ReportTimeline reports={detail.reports} targets={detail.targets} emptyText={t(rights.report ? 'workplan.report.emptyReport' : 'workplan.report.empty')} />
            </Card>
          </Flex>
        </Col>
        {/* Beside the tables on a wide screen; below them, two by two, on a narrower one. */}
        <Col xs={24} xxl={8}>
          <Row gutter={[12, 12]}>
            {rights.edit && (
              <Col xs={24} lg={12} xxl={24}>
                <DivisionCard key={detail.task.id} detail={detail} onChanged={task.reload} />
              </Col>
            )}
            <Col xs={24} lg={12} xxl={24}>
              <MilestoneCard detail={detail} editable={rights.edit} onChanged={task.reload} />
            </Col>
            <Col xs={24} lg={12} xxl={24}>
              <RemarkCard detail={detail} commentOrgs={rights.comment ? rights.reportingOrgs : null} onChanged={task.reload} />
            </Col>
            {(rights.evaluate || detail.task.evaluation) && (
              <Col xs={24} lg={12} xxl={24}>
                <EvaluationCard detail={detail} editable={rights.evaluate} onChanged={task.reload} />
              </Col>
            )}
          </Row>
        </Col>
      </Row>
      {reporting && (
        <ReportModal
          detail={detail}
          orgs={rights.reportingOrgs}
          onClose={() => setReporting(false)}
          onReported={() => {
            setReporting(false);
            task.reload();
          }}
        />
      )}
    </Flex>
  );
}
