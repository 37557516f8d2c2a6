import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { useT } from '../../../i18n';
import { EChart } from '../../common/components/EChart';
import type { AgeBand, StatRow } from '../types/member-stats';
import { barOption, PALETTE, pieOption } from '../utils/chart-options';
import { useStatLabels } from '../hooks/useStatLabels';

const HEIGHT = 250;
const TOP_ETHNICITIES = 8;

/** 性别比例, 年龄段, 领域 and the most common 民族 of the selected subtree. */
export function StatCharts({ row, ageBands }: { row: StatRow; ageBands: AgeBand[] }) {
  const t = useT();
  const labels = useStatLabels(ageBands);

  const sex = useMemo(
    () =>
      pieOption([
        { name: t('member.sex.male'), value: row.bySex.male ?? 0, color: PALETTE[0] },
        { name: t('member.sex.female'), value: row.bySex.female ?? 0, color: PALETTE[1] },
      ], (slice) => t('stats.pieLegend', { name: slice.name, count: slice.count, percent: slice.percent })),
    [row, t],
  );
  const age = useMemo(
    () =>
      barOption(
        ageBands.map((band) => labels.ageBand(band.code)),
        ageBands.map((band) => row.byAgeBand[band.code] ?? 0),
      ),
    [row, ageBands, labels],
  );
  const field = useMemo(
    () =>
      barOption(
        labels.fields.map((f) => f.label),
        labels.fields.map((f) => row.byField[f.code] ?? 0),
        { horizontal: true, color: PALETTE[3] },
      ),
    [row, labels],
  );
  const ethnicity = useMemo(() => {
    const top = Object.entries(row.byEthnicity)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_ETHNICITIES);
    return barOption(
      top.map(([code]) => labels.ethnicity(code)),
      top.map(([, n]) => n),
      { horizontal: true, color: PALETTE[5] },
    );
  }, [row, labels]);

  if (row.active === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.noMembers')} />;
  }

  const chart = (title: string, option: typeof sex) => (
    <Col xs={24} xl={12}>
      <Card size="small" title={title}>
        <EChart option={option} height={HEIGHT} label={title} />
      </Card>
    </Col>
  );

  return (
    <Row gutter={[12, 12]}>
      {chart(t('stats.chart.sex'), sex)}
      {chart(t('stats.chart.age'), age)}
      {chart(t('stats.chart.field'), field)}
      {chart(t('stats.chart.ethnicity', { n: TOP_ETHNICITIES }), ethnicity)}
    </Row>
  );
}
