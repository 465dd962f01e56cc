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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2024-12" → "Dec 24" */
const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;

/** A 24-month trend with the England figure as a dashed line; the values are also given as text for screen readers. */
export function TrendChart({ points, england, factor, suffix, label }: TrendChartProps) {
  const data = points.map((p) => ({ month: p.month.slice(0, 7), value: p.value === null ? null : Math.round(p.value * factor * 10) / 10 }));
  if (data.every((d) => d.value === null)) {
    return <p className="flex h-48 items-center text-muted">No figures for the last 24 months yet.</p>;
  }
  return (
    <figure className="h-48 w-full" aria-label={label}>
      <figcaption className="sr-only">
        {data
          .filter((d) => d.value !== null)
          .map((d) => `${monthLabel(d.month)}: ${d.value}${suffix}`)
          .join("; ")}
        {england !== null ? `. England: ${Math.round(england * factor * 10) / 10}${suffix}` : ""}
      </figcaption>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e6e7" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12, fill: "#484949" }} interval={5} tickFormatter={monthLabel} />
          <YAxis tick={{ fontSize: 12, fill: "#484949" }} width={44} unit={suffix} />
          <Tooltip formatter={(v) => [`${v}${suffix}`, "Value"]} labelFormatter={(m) => monthLabel(String(m))} />
          {england !== null && <ReferenceLine y={Math.round(england * factor * 10) / 10} stroke="#0b0c0c" strokeDasharray="4 4" label={{ value: "England", fontSize: 11, position: "insideTopRight" }} />}
          <Line type="linear" dataKey="value" stroke="#0b3d4f" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
