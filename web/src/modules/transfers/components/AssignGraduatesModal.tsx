import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Skeleton, Table, Typography } from 'antd';
import { useBilingual, useLang, useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { assignGraduates } from '../api/graduate-api';
import { useTransferMeta } from '../hooks/useTransferMeta';
import type { Graduate } from '../types/graduate';
import { placeAssignmentErrors } from '../utils/assignment-errors';
import { destinationNeed, keepsAtSchool } from '../utils/graduate-destination';
import { DestinationSelect } from './DestinationSelect';

type Row = { memberId: number; name: string; orgName: string; destination?: string; toOrgId?: number; outsideDestination?: string; note?: string };
type Values = { assignments: Row[] };
type Common = { destination?: string; toOrgId?: number };

type Props = {
  batchId: number;
  graduates: Graduate[];
  onClose: () => void;
  onAssigned: () => void;
};

/**
 * 分配毕业去向 for the ticked graduates, one row each: the destination, and where it needs one the
 * receiving branch (found by search) or the place outside the province. One choice can be applied
 * to every row first. All rows go together or none; the server names the row that cannot.
 */
export function AssignGraduatesModal({ batchId, graduates, onClose, onAssigned }: Props) {
  const t = useT();
  const { lang } = useLang();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { meta, error: metaError } = useTransferMeta();
  const [form] = Form.useForm<Values>();
  const [common, setCommon] = useState<Common>({});
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const destinationOptions = (meta?.graduateDestinations ?? []).map((d) => ({ value: d.code, label: bilingual(d) }));
  const need = (code: string | undefined) => (meta ? destinationNeed(code, meta) : 'none');

  const applyToAll = () => {
    const rows = form.getFieldValue('assignments') as Row[];
    form.setFieldsValue({
      assignments: rows.map((row) => ({ ...row, destination: common.destination, toOrgId: need(common.destination) === 'branch' ? common.toOrgId : undefined })),
    });
    setRefusal(null);
  };

  const submit = async () => {
    // The whole store: onFinish's values hold only the fields with an item, and memberId has none.
    const rows = form.getFieldValue('assignments') as Row[];
    setSaving(true);
    setRefusal(null);
    try {
      const result = await assignGraduates(
        batchId,
        rows.map((row) => {
          const kind = need(row.destination);
          return {
            memberId: row.memberId,
            destination: row.destination!,
            toOrgId: kind === 'branch' ? (row.toOrgId ?? null) : null,
            outsideDestination: kind === 'outside' ? row.outsideDestination?.trim() || null : null,
            note: row.note?.trim() || null,
          };
        }),
      );
      message.success(t('graduate.assign.done', { transfers: result.transfers, retained: result.retained }));
      onAssigned();
    } catch (err) {
      setRefusal(placeAssignmentErrors(form, err, lang, errorMessage));
    } finally {
      setSaving(false);
    }
  };

  const cell = { style: { marginBottom: 0 } };

  return (
    <Modal
      open
      title={t('graduate.assign.title', { count: graduates.length })}
      okText={t('graduate.assign.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={1040}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {!meta && (metaError ? <Alert type="error" showIcon title={errorMessage(metaError)} /> : <Skeleton active />)}
      {meta && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('graduate.assign.intro')}</Typography.Text>
          <Flex wrap gap={8} align="center" className="tw-member-filters" style={{ paddingBottom: 12 }}>
            <Typography.Text>{t('graduate.assign.common')}</Typography.Text>
            <Select
              value={common.destination}
              onChange={(destination: string) => setCommon({ destination })}
              options={destinationOptions}
              placeholder={t('graduate.placeholder.destination')}
              aria-label={t('graduate.assign.commonDestination')}
              style={{ width: 260 }}
            />
            {need(common.destination) === 'branch' && (
              <div style={{ width: 280 }}>
                <DestinationSelect value={common.toOrgId} onChange={(toOrgId) => setCommon((prev) => ({ ...prev, toOrgId }))} />
              </div>
            )}
            <Button onClick={applyToAll} disabled={!common.destination}>
              {t('graduate.assign.applyAll')}
            </Button>
          </Flex>
          <Form<Values>
            form={form}
            autoComplete="off"
            initialValues={{ assignments: graduates.map((g) => ({ memberId: g.memberId, name: g.name, orgName: g.orgName })) }}
            onValuesChange={() => setRefusal(null)}
            onFinish={() => void submit()}
          >
            <Form.List name="assignments">
              {(fields) => (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  scroll={{ x: 'max-content', y: 420 }}
                  columns={[
                    {
                      key: 'name',
                      title: t('member.col.name'),
                      width: 150,
                      render: (_, field) => {
                        const row = form.getFieldValue(['assignments', field.name]) as Row;
                        return (
                          <Flex vertical gap={0}>
                            <span>{row.name}</span>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {row.orgName}
                            </Typography.Text>
                          </Flex>
                        );
                      },
                    },
                    {
                      key: 'destination',
                      title: t('graduate.col.destination'),
                      width: 230,
                      render: (_, field) => (
                        <Form.Item {...cell} name={[field.name, 'destination']} rules={[{ required: true, message: t('graduate.required.destination') }]}>
                          <Select options={destinationOptions} placeholder={t('graduate.placeholder.destination')} aria-label={t('graduate.col.destination')} />
                        </Form.Item>
                      ),
                    },
                    {
                      key: 'where',
                      title: t('graduate.col.where'),
                      width: 290,
                      render: (_, field) => (
                        <Form.Item {...cell} noStyle dependencies={[['assignments', field.name, 'destination']]}>
                          {() => {
                            const code = form.getFieldValue(['assignments', field.name, 'destination']) as string | undefined;
                            const kind = need(code);
                            if (kind === 'branch') {
                              return (
                                <Form.Item {...cell} name={[field.name, 'toOrgId']} rules={[{ required: true, message: t('transfer.required.toOrg') }]}>
                                  <DestinationSelect />
                                </Form.Item>
                              );
                            }
                            if (kind === 'outside') {
                              return (
                                <Form.Item
                                  {...cell}
                                  name={[field.name, 'outsideDestination']}
                                  rules={[{ required: true, whitespace: true, message: t('transfer.required.outsideDestination') }]}
                                >
                                  <Input maxLength={200} placeholder={t('transfer.placeholder.outsideDestination')} />
                                </Form.Item>
                              );
                            }
                            if (!code) return <Typography.Text type="secondary">{t('graduate.assign.chooseFirst')}</Typography.Text>;
                            return (
                              <Typography.Text type="secondary">
                                {keepsAtSchool(code, meta) ? t('graduate.assign.keptAtSchool') : t('graduate.assign.specialLibrary')}
                              </Typography.Text>
                            );
                          }}
                        </Form.Item>
                      ),
                    },
                    {
                      key: 'note',
                      title: t('graduate.col.note'),
                      width: 170,
                      render: (_, field) => (
                        <Form.Item {...cell} name={[field.name, 'note']}>
                          <Input maxLength={300} />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              )}
            </Form.List>
          </Form>
        </Flex>
      )}
      {refusal && <Alert type="error" showIcon title={refusal} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
