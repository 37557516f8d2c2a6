import { useState } from 'react';
import { Button, Card, Tooltip } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n';
import { GraduatePanel } from '../modules/transfers/components/GraduatePanel';
import { ResponseRatePanel } from '../modules/transfers/components/ResponseRatePanel';
import { TransferWorkspace } from '../modules/transfers/components/TransferWorkspace';
import { TRANSFER_BOXES, type TransferBox } from '../modules/transfers/types/transfer';

type Section = 'transfers' | 'graduates' | 'response';
const SECTIONS: readonly Section[] = ['transfers', 'graduates', 'response'];

const isBox = (value: string | null): value is TransferBox => TRANSFER_BOXES.includes(value as TransferBox);
const isSection = (value: string | null): value is Section => SECTIONS.includes(value as Section);

/** 组织关系转接: the boxes of transfers to handle, the graduates' batches and rate, and the response rate. */
export default function TransfersPage() {
  const t = useT();
  // Read once from a link (the 待办 list's box and state); the page owns them afterwards.
  const [searchParams] = useSearchParams();
  const [section, setSection] = useState<Section>(() => {
    const linked = searchParams.get('section');
    return isSection(linked) ? linked : 'transfers';
  });
  const [initial] = useState(() => {
    const box = searchParams.get('box');
    return { box: isBox(box) ? box : null, status: searchParams.get('status') ?? undefined };
  });
  const [reloadToken, setReloadToken] = useState(0);

  return (
    <Card
      size="small"
      tabList={[
        { key: 'transfers', label: t('transfer.section.transfers') },
        { key: 'graduates', label: t('transfer.section.graduates') },
        { key: 'response', label: t('transfer.section.response') },
      ]}
      activeTabKey={section}
      onTabChange={(key) => setSection(key as Section)}
      tabProps={{ size: 'middle' }}
      tabBarExtraContent={
        <Tooltip title={t('common.refresh')}>
          <Button type="text" icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => setReloadToken((v) => v + 1)} />
        </Tooltip>
      }
    >
      {section === 'transfers' && <TransferWorkspace reloadToken={reloadToken} initialBox={initial.box} initialStatus={initial.status} />}
      {section === 'graduates' && <GraduatePanel reloadToken={reloadToken} />}
      {section === 'response' && <ResponseRatePanel reloadToken={reloadToken} />}
    </Card>
  );
}
