"use client";

// A small bar chart (recharts). Decorative for assistive technology: every
// chart stands beside a <table> with the same numbers, so the chart itself
// is aria-hidden. Categories run down the side (horizontal bars) or, for a
// time series, along the bottom.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type BarDatum = { label: string; value: number };

/** Long category names are cut to fit beside the bars (the table has them in full); CJK counts double. */
function shorten(label: string, max = 20): string {
  let width = 0;
  let out = "";
  for (const char of label) {
    width += /[\u2E80-\uFFEF]/.test(char) ? 2 : 1;
    if (width > max) return `${out.trimEnd()}…`;
    out += char;
  }
  return out;
}

export default function SimpleBarChart({
  data,
  direction = "horizontal",
  percent = false,
}: {
  data: BarDatum[];
  /** horizontal: one bar per row, labels on the left; vertical: columns over time. */
  direction?: "horizontal" | "vertical";
  /** Values are rates between 0 and 1. */
  percent?: boolean;
}) {
  const format = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(v));
  if (direction === "vertical") {
    return (
      <div aria-hidden="true" className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="var(--color-border)" />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={format} />
            <Tooltip formatter={(v) => format(Number(v))} cursor={{ fill: "var(--color-muted)" }} />
            <Bar
              dataKey="value"
              fill="var(--color-primary)"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    );
  }
  const height = Math.max(96, data.length * 32 + 28);
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="var(--color-border)" />
          <XAxis
            type="number"
            allowDecimals={false}
            tick={{ fontSize: 11 }}
            tickFormatter={format}
            domain={percent ? [0, 1] : [0, "auto"]}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={124}
            interval={0}
            tick={{ fontSize: 11 }}
            tickFormatter={(label: string) => shorten(label)}
          />
          <Tooltip formatter={(v) => format(Number(v))} cursor={{ fill: "var(--color-muted)" }} />
          <Bar
            dataKey="value"
            fill="var(--color-primary)"
            radius={[0, 3, 3, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
