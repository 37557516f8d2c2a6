import { useState } from 'react';
import { Alert, Button, Card, Flex } from 'antd';
import { useT } from '../i18n';
import { AuditFilters } from '../modules/audit/components/AuditFilters';
import { AuditTable } from '../modules/audit/components/AuditTable';
import { useAuditLog } from '../modules/audit/hooks/useAuditLog';
import type { AuditFilter } from '../modules/audit/types/audit';
import { useErrorMessage } from '../modules/common/hooks/useErrorMessage';

/** 审计日志: who did what, through which post, newest first. */
export default function AuditPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const log = useAuditLog({ ...filter, ...paging });

  return (
    <Card title={t('audit.title')} size="small">
      <Flex vertical gap={12}>
        <AuditFilters
          onSearch={(next) => {
            setFilter(next);
            setPaging((prev) => ({ ...prev, page: 1 }));
          }}
        />
        {log.error !== null && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(log.error)}
            action={
              <Button size="small" onClick={log.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        <AuditTable
          data={log.data}
          loading={log.loading}
          page={paging.page}
          pageSize={paging.pageSize}
          onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
        />
      </Flex>
    </Card>
  );
}
