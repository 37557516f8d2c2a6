import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { todayInChina } from '../../common/utils/today-in-china';
import { useAdmissionMeta } from '../hooks/useAdmissionMeta';
import type { AdmissionNotice } from '../types/admission';
import { noticeDays, noticeState, type NoticeState } from '../utils/notice-state';
import { NoticePrintButton } from './NoticePrintButton';

const STATE_COLORS: Record<NoticeState, string> = { running: 'processing', objections_open: 'warning', ended: 'success' };

type Props = {
  notices: AdmissionNotice[];
  /** Undefined: the post may not record objections. */
  onObjections?: (notice: AdmissionNotice) => void;
};

/** 三公示 published so far: the period, whether it is still running, and any objections. */
export function NoticeList({ notices, onObjections }: Props) {
  const t = useT();
  const { noticeName } = useAdmissionMeta();
  const today = todayInChina();

  if (notices.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admission.notice.none')} style={{ margin: '8px 0' }} />;
  return (
    <Flex vertical gap={8}>
      {notices.map((notice) => {
        const state = noticeState(notice, today);
        return (
          <Card key={notice.id} size="small" data-notice={notice.kind}>
            <Flex gap={8} justify="space-between" align="start">
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{noticeName(notice.kind)}</Typography.Text>
                  <Tag color={STATE_COLORS[state]}>{t(`admission.notice.state.${state}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('admission.notice.period', { start: notice.startOn, end: notice.endOn, days: noticeDays(notice.startOn, notice.endOn) })}
                </Typography.Text>
                {notice.objections && (
                  <Typography.Text style={{ fontSize: 13 }} type={notice.objectionsResolved ? 'secondary' : 'warning'}>
                    {notice.objectionsResolved ? t('admission.notice.objectionsResolved') : t('admission.notice.objectionsOpen')}
                    {notice.objections}
                  </Typography.Text>
                )}
              </Flex>
              <Flex vertical gap={4} align="end" style={{ flex: 'none' }}>
                <NoticePrintButton notice={notice} />
                {onObjections && (
                  <Button size="small" onClick={() => onObjections(notice)} style={{ flex: 'none' }}>
                    {state === 'objections_open' ? t('admission.objections.resolve') : t('admission.objections.record')}
                  </Button>
                )}
              </Flex>
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
