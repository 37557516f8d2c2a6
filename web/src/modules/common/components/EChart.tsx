import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLang } from '../../../i18n';
import { echarts, type ChartOption } from '../utils/echarts';

type Props = {
  option: ChartOption;
  height: number;
  /** What the chart shows; ECharts' aria describes the data on the canvas element inside. */
  label: string;
};

/** One ECharts canvas: created with the element, resized with it, disposed with it. */
export function EChart({ option, height, label }: Props) {
  const { lang } = useLang();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  const optionRef = useRef(option);
  useLayoutEffect(() => {
    optionRef.current = option;
  }, [option]);

  // ECharts fixes its locale (tooltips, aria text) at init, so a language switch starts afresh.
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, { renderer: 'canvas', locale: lang === 'en-US' ? 'EN' : 'ZH' });
    instance.setOption({ aria: { enabled: true }, ...optionRef.current });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div role="figure" aria-label={label}>
      <div ref={element} style={{ width: '100%', height }} />
    </div>
  );
}
