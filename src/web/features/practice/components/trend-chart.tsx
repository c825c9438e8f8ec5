import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';

// Colours from the stylesheet: the primary blue for positive moments and a neutral grey for
// corrections (each at least 4.5:1 on white). Corrections are never shown in an alarm colour.
const POSITIVE = '#0b5cad';
const CORRECTION = '#5b6470';
const MUTED = '#4a5360';
const LINE = '#d5dae1';

export interface TrendPoint {
  label: string;
  positive: number;
  corrections: number;
}

/** The bars of a ratio trend; loaded on demand by RatioTrend, which also renders the table. */
export function TrendChart({
  data,
  positiveLabel,
  correctionsLabel,
}: {
  data: TrendPoint[];
  positiveLabel: string;
  correctionsLabel: string;
}) {
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      data={data}
      style={{ width: '100%', height: 220 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      barGap={2}
    >
      <CartesianGrid vertical={false} stroke={LINE} />
      <XAxis
        dataKey="label"
        tick={{ fill: MUTED, fontSize: 12 }}
        tickLine={false}
        axisLine={{ stroke: LINE }}
        interval="preserveStartEnd"
        minTickGap={8}
      />
      <YAxis
        allowDecimals={false}
        width={28}
        tick={{ fill: MUTED, fontSize: 12 }}
        tickLine={false}
        axisLine={false}
      />
      <Legend itemSorter={null} wrapperStyle={{ fontSize: 14, color: MUTED }} />
      <Bar dataKey="positive" name={positiveLabel} fill={POSITIVE} isAnimationActive={false} />
      <Bar
        dataKey="corrections"
        name={correctionsLabel}
        fill={CORRECTION}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
