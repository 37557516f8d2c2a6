import { App, Button, Col, Flex, Popconfirm, Progress, Row, Tag, Typography } from 'antd';
import { AlertOutlined, DownloadOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import { useCan } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { saveBlob } from '../../common/utils/save-blob';
import { downloadLedger, setPlanStatus } from '../api/plan-api';
import type { PlanBoard } from '../types/workplan';
import { yearElapsedPercent } from '../utils/year-elapsed';
import { StateCounts } from './StateCounts';

/**
 * The plan at a glance: title, committee, year; the overall progress against the time gone by and
 * the state counts; 督办, 导出台账, and 归档 or 恢复 for the committee that owns it.
 */
export function BoardHeader({ board, onChanged }: { board: PlanBoard; onChanged: () => void }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState<'ledger' | 'status' | null>(null);
  const { plan } = board;
  const archived = plan.status === 'archived';
  const elapsed = yearElapsedPercent(plan.year);

  const exportLedger = async () => {
    setBusy('ledger');
    try {
      const { blob, filename } = await downloadLedger(plan.id, t('workplan.board.ledgerFile', { title: plan.title }));
      saveBlob(blob, filename);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const toggleStatus = async () => {
    setBusy('status');
    try {
      await setPlanStatus(plan.id, archived ? 'active' : 'archived');
      message.success(t(archived ? 'workplan.board.restored' : 'workplan.board.archivedDone'));
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="start" justify="space-between">
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {plan.title}
          </Typography.Title>
          <Flex wrap gap={6} align="center">
            <Typography.Text type="secondary">
              {plan.orgName} · {t('workplan.yearLabel', { year: plan.year })}
            </Typography.Text>
            {archived && <Tag style={{ marginInlineEnd: 0 }}>{t('workplan.archived')}</Tag>}
          </Flex>
        </Flex>
        <Flex wrap gap={8}>
          <Link to={`/workplan/${plan.id}/supervision`}>
            <Button icon={<AlertOutlined />}>{t('workplan.board.supervision')}</Button>
          </Link>
          <Button icon={<DownloadOutlined />} loading={busy === 'ledger'} onClick={() => void exportLedger()}>
            {t('workplan.board.ledger')}
          </Button>
          {board.owner && can('workplan.manage') && (
            <Popconfirm
              title={t(archived ? 'workplan.board.restoreConfirm' : 'workplan.board.archiveConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => toggleStatus()}
            >
              <Button icon={archived ? <RollbackOutlined /> : <InboxOutlined />} loading={busy === 'status'}>
                {t(archived ? 'workplan.board.restore' : 'workplan.board.archive')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
      <Row gutter={[24, 8]} align="middle">
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('workplan.board.overall')}</Typography.Text>
          <Progress percent={board.percent} size={{ height: 14 }} aria-label={t('workplan.board.overall')} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workplan.board.elapsed', { percent: elapsed })}
          </Typography.Text>
        </Col>
        <Col xs={24} md={12}>
          <StateCounts states={board.states} size="large" />
        </Col>
      </Row>
      {plan.generalIdea && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: 0 }}>
          <Typography.Text strong type="secondary">
            {t('workplan.generalIdea')}：
          </Typography.Text>
          {plan.generalIdea}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}
