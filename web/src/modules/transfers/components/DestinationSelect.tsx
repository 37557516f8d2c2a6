import { Flex, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { searchDestinations } from '../api/transfer-api';
import { useRemoteSearch } from '../hooks/useRemoteSearch';
import type { Destination } from '../types/transfer';

type Props = {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  /** Set by Form.Item, so that the label points at the control. */
  id?: string;
  placeholder?: string;
};

/**
 * 转入团支部: any active branch of the province, found by name or pinyin initials. Each option
 * names the organizations above it, since many branches share a name (第一团支部 …).
 */
export function DestinationSelect({ value, onChange, id, placeholder }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const search = useRemoteSearch((q, signal) => searchDestinations(q, signal));
  // The chosen branch stays labelled after the search text changes.
  const [chosen, setChosen] = useState<Destination | null>(null);
  const options = [...(chosen && !search.items.some((d) => d.id === chosen.id) ? [chosen] : []), ...search.items];

  const notFound = search.loading ? (
    <Spin size="small" />
  ) : search.error !== null ? (
    <Typography.Text type="danger">{errorMessage(search.error)}</Typography.Text>
  ) : search.text.trim() ? (
    t('transfer.destination.none')
  ) : (
    t('transfer.destination.typeToSearch')
  );

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(next) => {
        setChosen(options.find((d) => d.id === next) ?? null);
        onChange?.(next);
      }}
      showSearch={{ filterOption: false, onSearch: search.setText }}
      placeholder={placeholder ?? t('transfer.destination.placeholder')}
      notFoundContent={notFound}
      allowClear
      onClear={() => setChosen(null)}
      style={{ width: '100%' }}
      listHeight={320}
      options={options.map((d) => ({
        value: d.id,
        label: d.name,
        title: [...d.parentNames, d.name].join(' / '),
        parents: d.parentNames.join(' / '),
      }))}
      optionRender={(option) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <span>{option.data.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
            {option.data.parents}
          </Typography.Text>
        </Flex>
      )}
      labelRender={(selected) => {
        const picked = options.find((d) => d.id === selected.value);
        const parent = picked?.parentNames.at(-1);
        return picked ? (parent ? t('transfer.withDetail', { name: picked.name, detail: parent }) : picked.name) : selected.label;
      }}
    />
  );
}
