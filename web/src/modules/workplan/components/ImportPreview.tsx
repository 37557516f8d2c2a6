import { useState } from 'react';
import { Alert, Collapse, Flex, Form, Input, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useLang, useT } from '../../../i18n';
import type { PlanParse } from '../types/workplan';
import { parseCounts, targetKey } from '../utils/plan-input';
import { warningIn } from '../utils/parse-warning';
import { PreviewItem } from './PreviewItem';

type Props = {
  parse: PlanParse;
  /** The year chosen on the first step, to compare with the one in the title. */
  year: number | undefined;
  titleForm: FormInstance<{ title: string }>;
  kept: ReadonlySet<string>;
  onToggle: (key: string, kept: boolean) => void;
};

/** 第二步: what was found — the title (editable), 总体思路, each section with its tasks and targets. */
export function ImportPreview({ parse, year, titleForm, kept, onToggle }: Props) {
  const t = useT();
  const { lang } = useLang();
  const counts = parseCounts(parse);
  const titleYear = /(\d{4})年/.exec(parse.title)?.[1];
  // With dozens of tasks and a handful of targets, the targets are easier to check on their own.
  const [onlyTargets, setOnlyTargets] = useState(false);
  const shown = parse.sections
    .map((section, si) => ({ section, si, items: section.items.map((item, ii) => ({ item, ii })).filter(({ item }) => !onlyTargets || item.targets.length > 0) }))
    .filter(({ items }) => items.length > 0);
  return (
    <Flex vertical gap={12}>
      <Alert
        type="info"
        showIcon
        title={t('workplan.import.found', { ...counts, kept: kept.size })}
        description={counts.targets > 0 ? t('workplan.import.foundHint') : undefined}
      />
      {titleYear && year !== undefined && Number(titleYear) !== year && (
        <Alert type="warning" showIcon title={t('workplan.import.yearMismatch', { titleYear, year })} />
      )}
      {parse.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('workplan.import.warnings', { count: parse.warnings.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {parse.warnings.map((w, i) => (
                <li key={i}>{warningIn(lang, w)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form name="wpImportTitle" form={titleForm} layout="vertical" initialValues={{ title: parse.title }} autoComplete="off">
        <Form.Item
          name="title"
          label={t('workplan.import.planTitle')}
          rules={[{ required: true, whitespace: true, message: t('workplan.import.titleRequired') }]}
          style={{ marginBottom: 0 }}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {parse.generalIdea && (
        <Collapse
          size="small"
          items={[
            {
              key: 'idea',
              label: t('workplan.generalIdea'),
              children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{parse.generalIdea}</Typography.Paragraph>,
            },
          ]}
        />
      )}
      {counts.targets > 0 && (
        <Flex align="center" gap={8}>
          <Switch size="small" checked={onlyTargets} onChange={setOnlyTargets} id="wp-only-targets" />
          <label htmlFor="wp-only-targets">{t('workplan.import.onlyTargets')}</label>
        </Flex>
      )}
      <Collapse
        size="small"
        defaultActiveKey={parse.sections.map((_, si) => String(si))}
        items={shown.map(({ section, si, items }) => ({
          key: String(si),
          label: (
            <Typography.Text strong>
              {section.ordinal}、{section.title}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {' '}
                {t('workplan.import.sectionCount', { count: section.items.length })}
              </Typography.Text>
            </Typography.Text>
          ),
          children: (
            <Flex vertical gap={12}>
              {items.map(({ item, ii }) => (
                <PreviewItem
                  key={ii}
                  item={item}
                  index={ii}
                  isKept={(ti) => kept.has(targetKey(si, ii, ti))}
                  onToggle={(ti, value) => onToggle(targetKey(si, ii, ti), value)}
                />
              ))}
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}
