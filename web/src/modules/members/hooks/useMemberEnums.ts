import { useCallback, useMemo } from 'react';
import { useBilingual, useT } from '../../../i18n';
import { useCachedResource } from '../../common/hooks/useCachedResource';
import type { EnumItem } from '../../org/types/org';
import { fetchMemberEnums } from '../api/meta-api';
import type { MemberEnumGroup } from '../types/member';

const GROUPS: readonly MemberEnumGroup[] = [
  'ethnicities',
  'politicalStatuses',
  'educationLevels',
  'occupations',
  'idTypes',
  'leaguePostsCommittee',
  'leaguePostsBranch',
  'cadreNatures',
  'incomeBands',
  'statuses',
];

/** 民族, 政治面貌, 学历, 职业, 证件类型, 团内职务… with labels in the current language. */
export function useMemberEnums() {
  const { data, loading, error } = useCachedResource('member-enums', fetchMemberEnums);
  const bilingual = useBilingual();
  const t = useT();

  const index = useMemo(() => {
    const byGroup = new Map<MemberEnumGroup, Map<string, EnumItem>>();
    for (const group of GROUPS) {
      byGroup.set(group, new Map((data?.[group] ?? []).map((item) => [item.code, item])));
    }
    return byGroup;
  }, [data]);

  /** The label of a code; an unknown code is shown as it is. */
  const label = useCallback(
    (group: MemberEnumGroup, code: string | null | undefined) =>
      code ? bilingual(index.get(group)?.get(code), code) : '',
    [index, bilingual],
  );

  const options = useCallback(
    (group: MemberEnumGroup) =>
      (data?.[group] ?? []).map((item) => ({ value: item.code, label: bilingual(item) })),
    [data, bilingual],
  );

  // A member may hold a post in the branch or, as a branch member, in a committee above it.
  const leaguePostLabel = useCallback(
    (code: string | null | undefined) =>
      code
        ? bilingual(index.get('leaguePostsBranch')?.get(code) ?? index.get('leaguePostsCommittee')?.get(code), code)
        : '',
    [index, bilingual],
  );

  // The committee list repeats 书记 and 副书记: offer each code once, branch posts first.
  const leaguePostOptions = useMemo(() => {
    const branch = options('leaguePostsBranch');
    const taken = new Set(branch.map((option) => option.value));
    const committee = options('leaguePostsCommittee').filter((option) => !taken.has(option.value));
    return [
      { label: t('member.postGroup.branch'), options: branch },
      ...(committee.length > 0 ? [{ label: t('member.postGroup.committee'), options: committee }] : []),
    ];
  }, [options, t]);

  return { loading, error, label, options, leaguePostLabel, leaguePostOptions };
}
