import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';

const AFFIRMATIONS = '#0b5cad';
const CORRECTIONS = '#5b6470';
const MUTED = '#4a5360';
const GRID = '#d5dae1';

export interface EquityBar {
  label: string;
  affirmations: number;
  corrections: number;
}

/** Per-student affirmations and corrections by group; the page renders the table behind it. */
export function EquityChart({
  data,
  affirmationsLabel,
  correctionsLabel,
}: {
  data: EquityBar[];
  affirmationsLabel: string;
  correctionsLabel: string;
}) {
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      data={data}
      style={{ width: '100%', height: 240 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="label" tick={{ fill: MUTED, fontSize: 12 }} tickLine={false} interval={0} />
      <YAxis width={36} tick={{ fill: MUTED, fontSize: 12 }} tickLine={false} axisLine={false} />
      <Legend wrapperStyle={{ fontSize: 14, color: MUTED }} />
      <Bar
        dataKey="affirmations"
        name={affirmationsLabel}
        fill={AFFIRMATIONS}
        isAnimationActive={false}
      />
      <Bar
        dataKey="corrections"
        name={correctionsLabel}
        fill={CORRECTIONS}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
