import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Form, Modal, Steps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useT } from '../../../i18n';
import { useCurrentPost } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { todayInChina } from '../../common/utils/today-in-china';
import { createPlan, parsePlanFile } from '../api/plan-api';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { PlanParse } from '../types/workplan';
import { allTargetKeys, newPlanInput } from '../utils/plan-input';
import { ImportPreview } from './ImportPreview';
import { ImportSetupStep, type ImportSetup } from './ImportSetupStep';

const SETUP_FIELDS = ['orgId', 'year'];

/** An existing plan the server named when refusing a second one for the same committee and year. */
type Conflict = { text: string; planId: number | null };

/**
 * 导入工作要点: choose the committee, the year and the file; check what was found, keeping or
 * dropping each target; confirm, and open the new plan's board. Field errors go back to the step
 * holding the field; a plan already there for that committee and year is linked.
 */
export function ImportPlanModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const post = useCurrentPost();
  const errorMessage = useErrorMessage();
  const placeErrors = usePlaceFieldErrors();
  const { meta } = useWorkplanMeta();
  const [setupForm] = Form.useForm<ImportSetup>();
  const [titleForm] = Form.useForm<{ title: string }>();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [found, setFound] = useState<{ parse: PlanParse; fileName: string } | null>(null);
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const alerts = useRef<HTMLDivElement>(null);
  // A refusal after scrolling through the preview is shown where the eye is not: bring it into view.
  useEffect(() => {
    if (conflict || refusal) alerts.current?.scrollIntoView({ block: 'nearest' });
  }, [conflict, refusal]);
  const [initial] = useState<ImportSetup>(() => ({ orgId: post?.orgId, year: Number(todayInChina().slice(0, 4)) }));

  const read = async () => {
    try {
      await setupForm.validateFields();
    } catch {
      return;
    }
    if (!file) {
      setFileError(t('workplan.import.fileRequired'));
      return;
    }
    setBusy(true);
    setFileError(null);
    try {
      const result = await parsePlanFile(file);
      setFound(result);
      setKept(allTargetKeys(result.parse));
      setRefusal(null);
      setConflict(null);
      setStep(1);
    } catch (err) {
      setFileError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!found) return;
    let title: string;
    try {
      title = (await titleForm.validateFields()).title;
    } catch {
      return;
    }
    const setup = setupForm.getFieldsValue(true) as ImportSetup;
    setBusy(true);
    setRefusal(null);
    setConflict(null);
    try {
      const board = await createPlan(newPlanInput(found.parse, kept, { orgId: setup.orgId!, year: setup.year!, title, sourceName: found.fileName || null }));
      setStep(2);
      message.success(t('workplan.import.done', { title: board.plan.title }));
      navigate(`/workplan/${board.plan.id}`);
    } catch (err) {
      if (isApiError(err) && err.code === 'CONFLICT') {
        const planId = typeof err.extra.planId === 'number' ? err.extra.planId : null;
        setConflict({ text: errorMessage(err), planId });
        return;
      }
      // The committee and the year live on the first step: go back there to show their errors.
      if (isApiError(err) && err.fields.some((f) => SETUP_FIELDS.includes(f.field))) {
        setStep(0);
        setRefusal(placeErrors(setupForm, err, (field) => (SETUP_FIELDS.includes(field) ? field : null)));
        return;
      }
      setRefusal(placeErrors(titleForm, err, (field) => (field === 'title' ? 'title' : null)));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (key: string, keep: boolean) =>
    setKept((prev) => {
      const next = new Set(prev);
      if (keep) next.add(key);
      else next.delete(key);
      return next;
    });

  const footer =
    step === 0
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="read" type="primary" loading={busy} onClick={() => void read()}>
            {t('workplan.import.read')}
          </Button>,
        ]
      : [
          <Button key="back" disabled={busy} onClick={() => setStep(0)}>
            {t('workplan.import.back')}
          </Button>,
          <Button key="confirm" type="primary" loading={busy} onClick={() => void confirm()}>
            {t('workplan.import.confirm')}
          </Button>,
        ];

  return (
    <Modal
      open
      title={t('workplan.import.title')}
      onCancel={onClose}
      footer={footer}
      width={{ xs: '100%', md: 880 }}
      mask={{ closable: false }}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('workplan.import.step.setup') }, { title: t('workplan.import.step.preview') }, { title: t('workplan.import.step.confirm') }]}
      />
      <div ref={alerts}>
        {conflict && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title={conflict.text}
            action={
              conflict.planId !== null ? (
                <Link to={`/workplan/${conflict.planId}`} onClick={onClose}>
                  {t('workplan.import.openExisting')}
                </Link>
              ) : undefined
            }
          />
        )}
        {refusal && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={refusal} />}
      </div>
      <div hidden={step !== 0}>
        <ImportSetupStep
          form={setupForm}
          initial={initial}
          file={file}
          onFile={(picked) => {
            setFile(picked);
            setFileError(null);
          }}
          error={fileError}
          maxMegabytes={meta ? Math.round(meta.rules.maxDocumentBytes / 1048576) : undefined}
        />
      </div>
      {step > 0 && found && (
        <ImportPreview parse={found.parse} year={setupForm.getFieldValue('year') as number | undefined} titleForm={titleForm} kept={kept} onToggle={toggle} />
      )}
    </Modal>
  );
}
