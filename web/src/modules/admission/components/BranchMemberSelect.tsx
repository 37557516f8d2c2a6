import { Select } from 'antd';
import { useT } from '../../../i18n';
import type { BranchMember } from '../hooks/useBranchMembers';

type Props = {
  members: BranchMember[] | null;
  max: number;
  value?: number[];
  onChange?: (value: number[]) => void;
  id?: string;
};

/** Picks members of the applicant's branch (contacts, sponsors), searchable by name, at most `max`. */
export function BranchMemberSelect({ members, max, value, onChange, id }: Props) {
  const t = useT();
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={members === null}
      maxCount={max}
      placeholder={t('admission.pickMembers', { max })}
      showSearch={{ optionFilterProp: 'label' }}
      options={(members ?? []).map((m) => ({ value: m.id, label: m.name }))}
      style={{ width: '100%' }}
    />
  );
}
