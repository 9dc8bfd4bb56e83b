import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';

/** One series of the chart: the key of its value in each line, its name in the legend, its colour. */
export interface PercentSeries {
  key: string;
  name: string;
  fill: string;
}

/**
 * Two percentages per line as horizontal bars, 0–100 %, each bar labelled with its value: the lead screens' chart
 * over a table that holds the same figures (so the chart is hidden from screen readers by its figure).
 */
export function PercentBars({
  lines,
  series,
  width,
  height,
  labelWidth,
  rightMargin,
  legendInOrder = false,
}: {
  lines: readonly Record<string, string | number>[];
  series: readonly [PercentSeries, PercentSeries];
  width: number;
  height: number;
  /** Room for the lines' names on the left. */
  labelWidth: number;
  /** Room for the last bar's label on the right. */
  rightMargin: number;
  /** The legend in the series' order (recharts otherwise sorts it by name). */
  legendInOrder?: boolean;
}) {
  return (
    <BarChart
      accessibilityLayer={false}
      width={width}
      height={height}
      data={[...lines]}
      layout="vertical"
      margin={{ left: 10, right: rightMargin, top: 5, bottom: 5 }}
    >
      <CartesianGrid horizontal={false} stroke="#e1e6ed" />
      <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fill: '#4f5b6b', fontSize: 12 }} />
      <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fill: '#1b2330', fontSize: 13 }} />
      {legendInOrder ? <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} /> : <Legend wrapperStyle={{ fontSize: 12 }} />}
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.fill} isAnimationActive={false}>
          <LabelList dataKey={s.key} position="right" formatter={(v: unknown) => `${v} %`} fontSize={12} fill="#1b2330" />
        </Bar>
      ))}
    </BarChart>
  );
}
