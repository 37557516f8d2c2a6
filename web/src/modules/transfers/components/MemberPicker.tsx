import { Flex, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n';
import { useErrorMessage } from '../../common/hooks/useErrorMessage';
import { listMembers } from '../../members/api/member-api';
import type { Member } from '../../members/types/member';
import { useRemoteSearch } from '../hooks/useRemoteSearch';

type Props = {
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** Set by Form.Item, so that the label points at the control. */
  id?: string;
};

// A name search rarely needs more; the text narrows it further.
const SHOWN = 20;

/**
 * A member of the post's scope holding 团籍 normally (only they can be transferred), found the way
 * the member list finds them: name, pinyin initials, ID number, phone or 团员编号.
 */
export function MemberPicker({ value, onChange, id }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const search = useRemoteSearch(async (q, signal) => {
    const page = await listMembers({ q, status: 'normal', page: 1, pageSize: SHOWN }, signal);
    return page.items;
  });
  const [chosen, setChosen] = useState<Member | null>(null);
  const options = [...(chosen && !search.items.some((m) => m.id === chosen.id) ? [chosen] : []), ...search.items];

  const notFound = search.loading ? (
    <Spin size="small" />
  ) : search.error !== null ? (
    <Typography.Text type="danger">{errorMessage(search.error)}</Typography.Text>
  ) : search.text.trim() ? (
    t('transfer.member.none')
  ) : (
    t('transfer.member.typeToSearch')
  );

  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(next) => {
        setChosen(options.find((m) => m.id === next) ?? null);
        onChange?.(next);
      }}
      showSearch={{ filterOption: false, onSearch: search.setText }}
      placeholder={t('transfer.member.placeholder')}
      notFoundContent={notFound}
      allowClear
      onClear={() => setChosen(null)}
      style={{ width: '100%' }}
      options={options.map((m) => ({ value: m.id, label: m.name, org: m.orgName, idMasked: m.idNumberMasked }))}
      optionRender={(option) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <span>
            {option.data.label} <span className="tw-mono" style={{ color: '#8c8c8c', fontSize: 12 }}>{option.data.idMasked}</span>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
            {option.data.org}
          </Typography.Text>
        </Flex>
      )}
      labelRender={(selected) => {
        const picked = options.find((m) => m.id === selected.value);
        return picked ? t('transfer.withDetail', { name: picked.name, detail: picked.orgName }) : selected.label;
      }}
    />
  );
}
