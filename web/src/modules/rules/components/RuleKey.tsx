import { ruleGroupOf } from '../utils/rule-groups';

/** A rule's key in monospace; a key too long for its column breaks after the group, not mid-word. */
export function RuleKey({ ruleKey }: { ruleKey: string }) {
  const group = ruleGroupOf(ruleKey);
  return (
    <span className="tw-mono" style={{ fontSize: 13 }}>
      {group === ruleKey ? (
        ruleKey
      ) : (
        <>
          {group}.<wbr />
          {ruleKey.slice(group.length + 1)}
        </>
      )}
    </span>
  );
}
