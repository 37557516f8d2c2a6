import { useMemo } from 'react';
import { Card, Grid } from 'antd';
import { useT } from '../../../i18n';
import { EChart } from '../../common/components/EChart';
import { useWorkplanMeta } from '../hooks/useWorkplanMeta';
import type { BoardSection } from '../types/workplan';
import { sectionBarsHeight, sectionBarsOption } from '../utils/section-bars-option';

/** Each section's progress side by side, against the share of the year gone by. */
export function SectionChart({ sections, expected }: { sections: BoardSection[]; expected: number }) {
  const t = useT();
  const { meta } = useWorkplanMeta();
  const screens = Grid.useBreakpoint();
  const labelWidth = screens.md === false ? 110 : 260;
  const tolerance = meta?.rules.lagTolerancePercent ?? 15;
  const title = t('workplan.board.chartTitle');
  const option = useMemo(
    () =>
      sectionBarsOption(
        sections.map((s) => ({ name: `${s.ordinal}、${s.title}`, fullName: `${s.ordinal}、${s.title}`, percent: s.percent })),
        expected,
        t('workplan.board.elapsedLine', { percent: expected }),
        tolerance,
        labelWidth,
      ),
    [sections, expected, tolerance, labelWidth, t],
  );
  return (
    <Card size="small" title={title}>
      <EChart option={option} height={sectionBarsHeight(sections.length)} label={title} />
    </Card>
  );
}
