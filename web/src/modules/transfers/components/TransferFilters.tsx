import { useState } from 'react';
import { Flex, Input, Select } from 'antd';
import { useBilingual, useT } from '../../../i18n';
import { useTransferMeta } from '../hooks/useTransferMeta';

type Props = {
  status: string | undefined;
  onStatusChange: (status: string | undefined) => void;
  onSearch: (q: string) => void;
};

/** The state the transfers are in, and the member's name. */
export function TransferFilters({ status, onStatusChange, onSearch }: Props) {
  const t = useT();
  const bilingual = useBilingual();
  const { meta } = useTransferMeta();
  const [text, setText] = useState('');
  return (
    <Flex wrap gap={8} align="center">
      <Select
        value={status}
        onChange={onStatusChange}
        allowClear
        placeholder={t('transfer.filter.allStatuses')}
        aria-label={t('transfer.filter.status')}
        options={(meta?.statuses ?? []).map((s) => ({ value: s.code, label: bilingual(s) }))}
        style={{ width: 160 }}
      />
      <Input.Search
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === '') onSearch('');
        }}
        onSearch={(value) => onSearch(value.trim())}
        placeholder={t('transfer.filter.search')}
        aria-label={t('transfer.filter.search')}
        autoComplete="off"
        maxLength={50}
        allowClear
        enterButton
        style={{ flex: '1 1 220px', maxWidth: 320 }}
      />
    </Flex>
  );
}
