"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendChartProps = {
  points: { month: string; value: number | null }[];
  england: number | null;
  /** scale shown values (e.g. 100 for percentages) */
  factor: number;
  suffix: string;
  label: string;
};

/** A 24-month trend with the England figure as a dashed line. The numbers are also in the table beside it. */
export function TrendChart({ points, england, factor, suffix, label }: TrendChartProps) {
  const data = points.map((p) => ({ month: p.month.slice(0, 7), value: p.value === null ? null : Math.round(p.value * factor * 10) / 10 }));
  return (
    <figure className="h-48 w-full" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e6e7" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11, fill: "#484949" }} interval={5} />
          <YAxis tick={{ fontSize: 11, fill: "#484949" }} width={44} unit={suffix} />
          <Tooltip formatter={(v) => [`${v}${suffix}`, "Value"]} />
          {england !== null && <ReferenceLine y={Math.round(england * factor * 10) / 10} stroke="#0b0c0c" strokeDasharray="4 4" label={{ value: "England", fontSize: 11, position: "insideTopRight" }} />}
          <Line type="monotone" dataKey="value" stroke="#0b3d4f" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
