import { useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Flex, Form, Input, Skeleton, Switch, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useCurrentPost } from '../../auth/hooks/useSession';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { OrgTreeSelect } from '../../org/components/OrgTreeSelect';
import { createDepartment, updateDepartment } from '../api/department-api';
import { useDepartments } from '../hooks/useDepartments';
import { usePlaceFieldErrors } from '../hooks/usePlaceFieldErrors';
import type { Department } from '../types/workplan';

/**
 * 部门设置: a committee's departments (牵头部门 and 配合部门 of its tasks) — add, rename, move up
 * or down, stop using. A committee gets the usual seven with its first plan.
 */
export function DepartmentDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const post = useCurrentPost();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const placeErrors = usePlaceFieldErrors();
  const [orgId, setOrgId] = useState<number | undefined>(post?.orgId);
  const departments = useDepartments(orgId);
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const items = departments.data ?? [];
  const active = items.filter((d) => d.active);

  const run = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) message.success(done);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
      departments.reload();
    }
  };

  const add = async ({ name }: { name: string }) => {
    if (orgId === undefined) return;
    setBusy(true);
    setAddError(null);
    try {
      await createDepartment(orgId, name.trim());
      form.resetFields();
      message.success(t('workplan.dept.added', { name: name.trim() }));
      departments.reload();
    } catch (err) {
      setAddError(placeErrors(form, err, (field) => (field === 'name' ? 'name' : null)));
    } finally {
      setBusy(false);
    }
  };

  // Renumber the active ones in their new order; only those whose number changes are written.
  const move = (from: number, to: number) => {
    const order = [...active];
    const [moved] = order.splice(from, 1);
    order.splice(to, 0, moved!);
    void run(async () => {
      for (const [i, d] of order.entries()) if (d.position !== i + 1) await updateDepartment(d.id, { position: i + 1 });
    });
  };

  const row = (d: Department) => {
    const index = active.indexOf(d);
    return (
      <Flex key={d.id} align="center" gap={8} className="tw-wp-row">
        <Typography.Text
          type={d.active ? undefined : 'secondary'}
          delete={!d.active}
          style={{ flex: 1, minWidth: 0 }}
          editable={{
            tooltip: t('workplan.dept.rename'),
            maxLength: 50,
            onChange: (name) => {
              const trimmed = name.trim();
              if (trimmed && trimmed !== d.name) void run(() => updateDepartment(d.id, { name: trimmed }), t('workplan.dept.renamed', { name: trimmed }));
            },
          }}
        >
          {d.name}
        </Typography.Text>
        <Tooltip title={t('workplan.dept.up')}>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('workplan.dept.up')} disabled={busy || !d.active || index <= 0} onClick={() => move(index, index - 1)} />
        </Tooltip>
        <Tooltip title={t('workplan.dept.down')}>
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label={t('workplan.dept.down')}
            disabled={busy || !d.active || index === active.length - 1}
            onClick={() => move(index, index + 1)}
          />
        </Tooltip>
        <Switch
          size="small"
          checked={d.active}
          disabled={busy}
          aria-label={t('workplan.dept.inUse', { name: d.name })}
          checkedChildren={t('workplan.dept.on')}
          unCheckedChildren={t('workplan.dept.off')}
          onChange={(on) => void run(() => updateDepartment(d.id, { active: on }), on ? t('workplan.dept.restored', { name: d.name }) : t('workplan.dept.stopped', { name: d.name }))}
        />
      </Flex>
    );
  };

  return (
    <Drawer open title={t('workplan.dept.title')} onClose={onClose} size={440} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('workplan.dept.intro')}
        </Typography.Paragraph>
        <OrgTreeSelect value={orgId} onChange={setOrgId} selectable={(node) => node.type !== 'branch'} placeholder={t('workplan.import.orgPlaceholder')} />
        {departments.error !== null && <Alert type="error" showIcon title={errorMessage(departments.error)} />}
        {orgId !== undefined && !departments.data && departments.error === null && <Skeleton active />}
        {departments.data &&
          (items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workplan.dept.empty')} />
          ) : (
            <div className="tw-wp-rows">{items.map(row)}</div>
          ))}
        {orgId !== undefined && (
          <Form name="wpDepartment" form={form} layout="inline" onFinish={(values) => void add(values)} autoComplete="off" style={{ rowGap: 8 }}>
            <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('workplan.dept.nameRequired') }]} style={{ flex: 1, marginInlineEnd: 8 }}>
              <Input maxLength={50} placeholder={t('workplan.dept.newName')} aria-label={t('workplan.dept.newName')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy}>
              {t('workplan.dept.add')}
            </Button>
          </Form>
        )}
        {addError && <Alert type="error" showIcon title={addError} />}
      </Flex>
    </Drawer>
  );
}
