import { Flex, InputNumber, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useLang, useT } from '../../../i18n';
import { useEvaluationMeta } from '../hooks/useEvaluationMeta';
import type { EvaluationEntry, EvaluationRules, Grade, Registration } from '../types/evaluation';
import type { EntryDraft } from '../utils/entry-draft';

type Props = {
  entries: EvaluationEntry[];
  rules: EvaluationRules;
  draft: (memberId: number) => EntryDraft;
  /** Undefined: read only (submitted, approved, or a post that may not edit). */
  onChange?: (memberId: number, patch: Partial<EntryDraft>) => void;
  /** The server's complaints about a row, by member. */
  errors: ReadonlyMap<number, string[]>;
};

/**
 * 团员名单 of the cycle: each member's 注册意见 (暂缓注册 with its months) and 评议等次 (不合格 with
 * its months of correction); Party members keeping 团籍 are registered but marked 免评.
 */
export function EntriesTable({ entries, rules, draft, onChange, errors }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { meta, grade, registration } = useEvaluationMeta();
  const months = (value: number | null, min: number, max: number, label: string, set: (v: number | null) => void) => (
    <InputNumber
      size="small"
      min={min}
      max={max}
      precision={0}
      value={value}
      onChange={set}
      suffix={t('evaluation.monthsUnit')}
      aria-label={label}
      style={{ width: lang === 'en-US' ? 112 : 96 }}
    />
  );

  const columns: TableProps<EvaluationEntry>['columns'] = [
    {
      key: 'name',
      title: t('member.col.name'),
      width: 160,
      render: (_, e) => (
        <Flex vertical gap={2}>
          <Flex gap={6} wrap align="center">
            <span>{e.name}</span>
            {e.exempt && <Tag color="red">{t('evaluation.partyMember')}</Tag>}
          </Flex>
          {(errors.get(e.memberId) ?? []).map((text) => (
            <Typography.Text key={text} type="danger" style={{ fontSize: 12 }}>
              {text}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      key: 'registration',
      title: t('evaluation.col.registration'),
      width: 260,
      render: (_, e) => {
        const d = draft(e.memberId);
        if (!onChange) {
          return (
            <span>
              {d.registration ? registration(d.registration) : <Typography.Text type="secondary">{t('evaluation.undecided')}</Typography.Text>}
              {e.deferUntil && d.registration === 'deferred' && (
                <Typography.Text type="secondary"> {t('evaluation.deferUntil', { date: e.deferUntil })}</Typography.Text>
              )}
            </span>
          );
        }
        return (
          <Flex gap={6} align="center" wrap>
            <Select<Registration>
              size="small"
              value={d.registration ?? undefined}
              placeholder={t('evaluation.pick')}
              aria-label={t('evaluation.registrationOf', { name: e.name })}
              onChange={(value) => onChange(e.memberId, { registration: value })}
              options={(meta?.registrations ?? []).map((r) => ({ value: r.code as Registration, label: registration(r.code) }))}
              style={{ width: lang === 'en-US' ? 120 : 104 }}
            />
            {d.registration === 'deferred' &&
              months(d.deferMonths, rules.deferMinMonths, rules.deferMaxMonths, t('evaluation.deferMonthsOf', { name: e.name }), (v) =>
                onChange(e.memberId, { deferMonths: v }),
              )}
          </Flex>
        );
      },
    },
    {
      key: 'grade',
      title: t('evaluation.col.grade'),
      width: 280,
      render: (_, e) => {
        if (e.exempt) return <Typography.Text type="secondary">{t('evaluation.exempt')}</Typography.Text>;
        const d = draft(e.memberId);
        if (!onChange) {
          return (
            <span>
              {d.grade ? (
                <Typography.Text type={d.grade === 'unqualified' ? 'danger' : undefined} strong={d.grade === 'excellent'}>
                  {grade(d.grade)}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('evaluation.ungraded')}</Typography.Text>
              )}
              {e.correctionUntil && d.grade === 'unqualified' && (
                <Typography.Text type="secondary"> {t('evaluation.correctionUntil', { date: e.correctionUntil })}</Typography.Text>
              )}
            </span>
          );
        }
        return (
          <Flex gap={6} align="center" wrap>
            <Select<Grade>
              size="small"
              value={d.grade ?? undefined}
              placeholder={t('evaluation.pick')}
              aria-label={t('evaluation.gradeOf', { name: e.name })}
              onChange={(value) => onChange(e.memberId, { grade: value })}
              options={(meta?.grades ?? []).map((g) => ({ value: g.code as Grade, label: grade(g.code) }))}
              style={{ width: lang === 'en-US' ? 164 : 104 }}
            />
            {d.grade === 'unqualified' &&
              months(d.correctionMonths, rules.correctionMinMonths, rules.correctionMaxMonths, t('evaluation.correctionMonthsOf', { name: e.name }), (v) =>
                onChange(e.memberId, { correctionMonths: v }),
              )}
          </Flex>
        );
      },
    },
  ];

  return (
    <Table<EvaluationEntry>
      rowKey="memberId"
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={false}
      scroll={{ x: 700 }}
    />
  );
}
