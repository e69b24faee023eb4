import type { ComponentChildren } from 'preact';
import { heldShare, niceMax, type Day } from '../model/chart';

// Hand-written SVG: a fixed viewBox scaled by CSS, so the charts need no measuring.
const W = 600;
const H = 160;
const PAD = { top: 8, right: 8, bottom: 20, left: 32 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;
const shortDay = (day: string) => day.slice(5).replace('-', '/');

export interface ChartFrameProps {
  id: string;
  title: string;
  summary: string;
  children: ComponentChildren;
  legend?: ComponentChildren;
  /** The same numbers as a table, for screen readers and copying. */
  table: ComponentChildren;
}

export function ChartFrame({ id, title, summary, children, legend, table }: ChartFrameProps) {
  return (
    <figure class="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {children}
      </svg>
      {legend}
      <table class="visually-hidden">
        <caption>{title}</caption>
        {table}
      </table>
    </figure>
  );
}

interface AxisProps {
  max: number;
  format(v: number): string;
}

function YAxis({ max, format }: AxisProps) {
  return (
    <g class="axis">
      {[0, 0.5, 1].map((f) => {
        const y = PAD.top + plotH * (1 - f);
        return (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} />
            <text x={PAD.left - 4} y={y + 3} text-anchor="end">
              {format(max * f)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function XLabels({ days }: { days: Day[] }) {
  const step = plotW / days.length;
  return (
    <g class="axis">
      {days.map((d, i) =>
        i % 7 === days.length % 7 || i === days.length - 1 ? (
          <text key={d.day} x={PAD.left + step * (i + 0.5)} y={H - 6} text-anchor="middle">
            {shortDay(d.day)}
          </text>
        ) : null,
      )}
    </g>
  );
}

export interface DailyChartProps {
  days: Day[];
}

/** Comments per day as bars, with the held and rejected parts drawn inside each bar. */
export function DailyBars({ days }: DailyChartProps) {
  const max = niceMax(Math.max(0, ...days.map((d) => d.total)));
  const step = plotW / days.length;
  const h = (n: number) => (plotH * n) / max;
  const total = days.reduce((t, d) => t + d.total, 0);
  return (
    <ChartFrame
      id="pm-daily"
      title="Comments per day, last 30 days"
      summary={`${total} comments in total; grey is published, amber held for review, red rejected.`}
      legend={
        <p class="legend" aria-hidden="true">
          <span class="key bar-total" /> published <span class="key bar-held" /> held <span class="key bar-rejected" /> rejected
        </p>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Comments</th>
              <th scope="col">Commenters</th>
              <th scope="col">Held</th>
              <th scope="col">Rejected</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.total}</td>
                <td>{d.commenters}</td>
                <td>{d.held}</td>
                <td>{d.rejected}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <YAxis max={max} format={(v) => String(Math.round(v))} />
      {days.map((d, i) => {
        const x = PAD.left + step * i + step * 0.15;
        const w = step * 0.7;
        const base = PAD.top + plotH;
        const held = Math.min(d.held, d.total);
        const rejected = Math.min(d.rejected, d.total - held);
        return (
          <g key={d.day}>
            <rect class="bar-total" x={x} width={w} y={base - h(d.total)} height={h(d.total)} />
            <rect class="bar-held" x={x} width={w} y={base - h(held)} height={h(held)} />
            <rect class="bar-rejected" x={x} width={w} y={base - h(held + rejected)} height={h(rejected)} />
          </g>
        );
      })}
      <XLabels days={days} />
    </ChartFrame>
  );
}

/** The share of each day's comments held for review, as a line broken on days without comments. */
export function HeldShareLine({ days }: DailyChartProps) {
  const step = plotW / days.length;
  const runs: string[][] = [[]];
  days.forEach((d, i) => {
    const share = heldShare(d);
    if (share === null) return runs[runs.length - 1].length && runs.push([]);
    runs[runs.length - 1].push(`${(PAD.left + step * (i + 0.5)).toFixed(1)},${(PAD.top + plotH * (1 - share)).toFixed(1)}`);
  });
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
  return (
    <ChartFrame
      id="pm-held"
      title="Share of comments held for review"
      summary="Per day; gaps are days without comments."
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Held share</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{pct(heldShare(d))}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <YAxis max={1} format={(v) => `${Math.round(v * 100)}%`} />
      {runs
        .filter((r) => r.length)
        .map((r, i) =>
          r.length === 1 ? (
            <circle key={i} class="line-dot" cx={r[0].split(',')[0]} cy={r[0].split(',')[1]} r={2.5} />
          ) : (
            <polyline key={i} class="line" points={r.join(' ')} />
          ),
        )}
      <XLabels days={days} />
    </ChartFrame>
  );
}

export interface RuleHitsProps {
  hits: [string, number][];
}

/** Rule hits as horizontal bars, most first. */
export function RuleHitBars({ hits }: RuleHitsProps) {
  const rowH = 20;
  const labelW = 130;
  const height = Math.max(1, hits.length) * rowH + 4;
  const max = Math.max(1, ...hits.map(([, n]) => n));
  return (
    <figure class="chart">
      <figcaption id="pm-hits-title">Rule hits, last 30 days</figcaption>
      {hits.length === 0 ? (
        <p class="muted">No rule has matched a comment yet.</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="pm-hits-title">
          <title>Rule hits, last 30 days</title>
          {hits.map(([rule, n], i) => {
            const w = ((W - labelW - 50) * n) / max;
            const y = i * rowH + 2;
            return (
              <g key={rule}>
                <text class="label" x={labelW - 6} y={y + 13} text-anchor="end">
                  {rule}
                </text>
                <rect class="bar-hit" x={labelW} y={y + 2} width={Math.max(1, w)} height={rowH - 6} />
                <text class="value" x={labelW + w + 6} y={y + 13}>
                  {n}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <table class="visually-hidden">
        <caption>Rule hits, last 30 days</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Hits</th>
          </tr>
        </thead>
        <tbody>
          {hits.map(([rule, n]) => (
            <tr key={rule}>
              <th scope="row">{rule}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
