import { useEffect, useState } from 'react';
import { Flex, Input, Select, Switch } from 'antd';
import { useT } from '../../../i18n';
import { useOrgEnums } from '../hooks/useOrgEnums';
import type { OrgListDepth, OrgStatus } from '../types/org';

export type OrgFilterValues = {
  q: string;
  type?: string;
  status?: OrgStatus;
  depth: OrgListDepth;
};

type Props = {
  value: OrgFilterValues;
  onChange: (change: Partial<OrgFilterValues>) => void;
};

/** Search (name or pinyin initials), 类型, 状态 and 含全部下级 above the organization table. */
export function OrgListFilters({ value, onChange }: Props) {
  const t = useT();
  const enums = useOrgEnums();
  const [q, setQ] = useState(value.q);

  useEffect(() => setQ(value.q), [value.q]);

  return (
    <Flex wrap gap={8} align="center">
      <Input.Search
        value={q}
        onChange={(event) => {
          setQ(event.target.value);
          if (event.target.value === '') onChange({ q: '' });
        }}
        onSearch={(text) => onChange({ q: text.trim() })}
        placeholder={t('org.searchPlaceholder')}
        aria-label={t('common.search')}
        allowClear
        enterButton
        style={{ width: 280, maxWidth: '100%' }}
      />
      <Select
        value={value.type}
        onChange={(type?: string) => onChange({ type })}
        options={enums.options('types')}
        placeholder={t('org.filterType')}
        aria-label={t('org.filterType')}
        allowClear
        style={{ width: 150 }}
      />
      <Select<OrgStatus>
        value={value.status}
        onChange={(status?: OrgStatus) => onChange({ status })}
        options={[
          { value: 'active', label: t('org.active') },
          { value: 'inactive', label: t('org.inactive') },
        ]}
        placeholder={t('org.filterStatus')}
        aria-label={t('org.filterStatus')}
        allowClear
        style={{ width: 120 }}
      />
      <Flex align="center" gap={6}>
        <Switch
          id="org-include-subtree"
          checked={value.depth === 'subtree'}
          onChange={(checked) => onChange({ depth: checked ? 'subtree' : 'children' })}
        />
        <label htmlFor="org-include-subtree">{t('org.includeSubtree')}</label>
      </Flex>
    </Flex>
  );
}
