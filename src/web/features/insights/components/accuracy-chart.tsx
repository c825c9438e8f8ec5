import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';

const LINE_COLOUR = '#0b5cad';
const MUTED = '#4a5360';
const GRID = '#d5dae1';

/** The weekly accuracy line; loaded on demand by AccuracyPage, which also renders the table. */
export function AccuracyChart({ data }: { data: Array<{ label: string; percent: number }> }) {
  return (
    <LineChart
      responsive
      accessibilityLayer={false}
      data={data}
      style={{ width: '100%', height: 220 }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="label" tick={{ fill: MUTED, fontSize: 12 }} tickLine={false} />
      <YAxis
        domain={[0, 100]}
        unit="%"
        width={44}
        tick={{ fill: MUTED, fontSize: 12 }}
        tickLine={false}
        axisLine={false}
      />
      <Line
        dataKey="percent"
        stroke={LINE_COLOUR}
        strokeWidth={2}
        dot={{ r: 4 }}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
