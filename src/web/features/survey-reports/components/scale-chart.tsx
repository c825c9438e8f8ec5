import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';

const BAR = '#0b5cad';
const MUTED = '#4a5360';
const LINE = '#d5dae1';

export interface ScalePoint {
  label: string;
  score: number;
}

/** Scale scores (1–5) per group; loaded on demand by ScaleFigure, which renders the table. */
export function ScaleChart({ data }: { data: ScalePoint[] }) {
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      data={data}
      layout="vertical"
      style={{ width: '100%', height: 40 + data.length * 32 }}
      margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
    >
      <CartesianGrid horizontal={false} stroke={LINE} />
      <XAxis
        type="number"
        domain={[1, 5]}
        ticks={[1, 2, 3, 4, 5]}
        tick={{ fill: MUTED, fontSize: 12 }}
        axisLine={{ stroke: LINE }}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={140}
        tick={{ fill: MUTED, fontSize: 12 }}
        tickLine={false}
        axisLine={false}
      />
      <Bar dataKey="score" fill={BAR} isAnimationActive={false} />
    </BarChart>
  );
}
