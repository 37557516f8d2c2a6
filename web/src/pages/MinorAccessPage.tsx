import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Card, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isAbortError } from '../api/client';
import { useT } from '../i18n';
import { useCan } from '../modules/auth/hooks/useSession';
import { Forbidden } from '../modules/common/components/Forbidden';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';
import { minorAccessForApproval, myMinorAccess } from '../modules/minors/api/minor-access-api';
import { MinorDecisionModal } from '../modules/minors/components/MinorDecisionModal';
import { MinorRequestTable } from '../modules/minors/components/MinorRequestTable';
import { MinorsReportPanel } from '../modules/minors/components/MinorsReportPanel';
import type { MinorAccessRequest } from '../modules/minors/types/minor-access';

type Box = 'pending' | 'decided' | 'mine' | 'report';

/** 未成年人信息查看审批: requests waiting for the post, those it decided, its own, and the yearly report. */
export default function MinorAccessPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();
  const boxes: Box[] = [
    ...(can('minor.approve') ? (['pending', 'decided'] as const) : []),
    ...(can('member.read') ? (['mine'] as const) : []),
    ...(can('minor.report') ? (['report'] as const) : []),
  ];
  const linked = searchParams.get('box') as Box | null;
  const box: Box | undefined = linked && boxes.includes(linked) ? linked : boxes[0];
  const [items, setItems] = useState<MinorAccessRequest[] | null>(null);
  const [pendingCount, setPendingCount] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [acting, setActing] = useState<{ request: MinorAccessRequest; action: 'approve' | 'refuse' | 'revoke' } | null>(null);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const mayApprove = can('minor.approve');

  useEffect(() => {
    if (!box || box === 'report') return;
    const controller = new AbortController();
    setItems(null);
    setError(null);
    (box === 'mine' ? myMinorAccess(controller.signal) : minorAccessForApproval(box, controller.signal)).then(setItems, (err: unknown) => {
      if (!isAbortError(err)) setError(err);
    });
    return () => controller.abort();
  }, [box, version]);

  useEffect(() => {
    if (!mayApprove) return;
    const controller = new AbortController();
    minorAccessForApproval('pending', controller.signal).then((list) => setPendingCount(list.length), () => undefined);
    return () => controller.abort();
  }, [mayApprove, version]);

  if (!box) return <Forbidden />;
  const table = (mode: 'pending' | 'decided' | 'mine') => (
    <>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <MinorRequestTable
        mode={mode}
        items={items}
        loading={items === null && error === null}
        onAction={(request, action) => setActing({ request, action })}
        onOpen={(request) => navigate(request.subjectType === 'applicant' ? `/admission?applicant=${request.subjectId}` : `/members?member=${request.subjectId}`)}
      />
    </>
  );
  const label = (b: Box) =>
    b === 'pending' ? (
      <Badge count={pendingCount ?? 0} size="small" offset={[8, -2]}>
        {t('minor.tab.pending')}
      </Badge>
    ) : (
      t(`minor.tab.${b}`)
    );

  return (
    <Card title={t('minor.page.title')} size="small">
      <Tabs
        activeKey={box}
        onChange={(key) => setSearchParams({ box: key })}
        items={boxes.map((b) => ({ key: b, label: label(b), children: b === box ? (b === 'report' ? <MinorsReportPanel /> : table(b)) : null }))}
      />
      {acting && (
        <MinorDecisionModal
          request={acting.request}
          action={acting.action}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            reload();
          }}
        />
      )}
    </Card>
  );
}
