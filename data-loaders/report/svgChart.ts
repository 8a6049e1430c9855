// A report chart as static SVG (no script, no font file, no request): the PDF prints it as it is,
// and the site's report pages show the same markup. Two kinds (types.ts Chart):
//  - `flows`: a bar per amount column and period side by side (income and expenditure);
//  - `balance`: bars of the amount column (the balance; projected periods lighter, below zero in the
//    overdrawn colour) and a line per `number` column (months payable) on a right axis, over the
//    healthy band.
// Amounts arrive as DECIMAL strings of yuan: the geometry uses floats (a picture, not a figure),
// the axes read 万元; the figures themselves are in the tables.
import { CJK_FONT_STACK, escapeHtml } from './html.ts';
import { reportConfig } from './reportConfig.ts';
import type { Chart, Column } from './types.ts';

const W = 680;
const H = 250;
const M = { top: 34, right: 52, bottom: 40, left: 58 };

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' || !/^-?\d+(\.\d+)?$/.test(String(v)) ? null : Number(v));

/** Round numbers for an axis from lo to hi (lo ≤ 0 ≤ hi): about `count` steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw)!;
  const start = Math.floor(lo / step) * step;
  const out: number[] = [];
  for (let v = start; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  if (out[out.length - 1] < hi) out.push(out[out.length - 1] + step);
  return out;
}

/** A tick's text without float noise: 2.5 → "2.5", 100 → "100". */
function tickText(v: number): string {
  return String(Number(v.toPrecision(6)));
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeHtml(s)}</text>`;
}

interface Legend { label: string; colour: string; line?: boolean; dashed?: boolean; area?: boolean }

const textWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 11 : 6.2), 0);

/** The legend above the plot, wrapped onto more lines when it is wider than the chart; its height. */
function legend(items: Legend[]): { svg: string; height: number } {
  let x = M.left;
  let y = 12;
  const svg = items.map((it) => {
    const width = (it.line ? 20 : 16) + textWidth(it.label);
    if (x > M.left && x + width > W - M.right) {
      x = M.left;
      y += 17;
    }
    const mark = it.line
      ? `<line x1="${x}" y1="${y}" x2="${x + 16}" y2="${y}" stroke="${it.colour}" stroke-width="2"${it.dashed ? ' stroke-dasharray="4 3"' : ''}/><circle cx="${x + 8}" cy="${y}" r="2.5" fill="${it.colour}"/>`
      : `<rect x="${x}" y="${y - 6}" width="12" height="12" fill="${it.colour}"${it.area ? ' fill-opacity="0.15"' : ''}/>`;
    const out = `${mark}${text(x + (it.line ? 20 : 16), y + 4, it.label, 'class="lg"')}`;
    x += width + 18;
    return out;
  }).join('');
  return { svg, height: y + 10 };
}

/** The x axis labels: the period's label, written in two lines when it is "2027年1月" (month, then year). */
function xLabels(labels: string[], x: (i: number) => number): string {
  const y = H - M.bottom + 14;
  return labels.map((l, i) => {
    const m = /^(\d{4})年(\d{1,2})月$/.exec(l);
    if (m) {
      const showYear = i === 0 || m[2] === '1';
      return text(x(i), y, `${m[2]}月`, 'text-anchor="middle"') + (showYear ? text(x(i), y + 13, `${m[1]}年`, 'text-anchor="middle" class="yr"') : '');
    }
    const y2 = /^(\d{4}年)(（.*）)$/.exec(l);
    if (y2) return text(x(i), y, y2[1], 'text-anchor="middle"') + text(x(i), y + 13, y2[2], 'text-anchor="middle" class="yr"');
    return text(x(i), y, l, 'text-anchor="middle"');
  }).join('');
}

/** The chart: the legend on top, the plot (drawn for a one-line legend) moved down by the legend's extra lines. */
function frame(plot: string, items: Legend[], title: string): string {
  const lg = legend(items);
  const shift = Math.max(0, lg.height - 22);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H + shift}" width="100%" role="img" aria-label="${escapeHtml(title)}" font-family="${escapeHtml(CJK_FONT_STACK.replaceAll('"', "'"))}" font-size="11">`
    + `<style>.ax{fill:#555}.lg{fill:#1b1e23}.yr{fill:#777;font-size:10px}.grid{stroke:#e3e6ea}.zero{stroke:#888}.note{fill:#777}</style>`
    + `${lg.svg}<g transform="translate(0 ${shift})">${plot}</g></svg>`;
}

/** Left axis (万元) and its grid, for amounts from lo to hi yuan; returns the scale. */
function leftAxis(lo: number, hi: number): { y: (v: number) => number; svg: string; below: number } {
  const ticks = niceTicks(Math.min(0, lo) / 1e4, Math.max(0, hi) / 1e4);
  const t0 = ticks[0];
  const t1 = ticks[ticks.length - 1];
  const y = (v: number) => M.top + (H - M.top - M.bottom) * (1 - (v / 1e4 - t0) / (t1 - t0));
  const svg = ticks.map((t) => {
    const yy = y(t * 1e4);
    return `<line class="${t === 0 ? 'zero' : 'grid'}" x1="${M.left}" x2="${W - M.right}" y1="${yy.toFixed(1)}" y2="${yy.toFixed(1)}"/>`
      + text(M.left - 6, yy + 4, tickText(t), 'text-anchor="end" class="ax"');
  }).join('') + text(M.left - 6, M.top - 10, '万元', 'text-anchor="end" class="ax"');
  // the share of the axis below zero, for a right axis whose zero is on the same line
  return { y, svg, below: -t0 / (t1 - t0) };
}

function band(n: number): { x: (i: number) => number; w: number } {
  const inner = W - M.left - M.right;
  const w = inner / Math.max(n, 1);
  return { x: (i) => M.left + w * (i + 0.5), w };
}

function flowsSvg(chart: Chart): string {
  const c = reportConfig().colours;
  const rows = chart.table.rows;
  const amounts = chart.table.columns.filter((col) => col.kind === 'amount');
  const colours = [c.income, c.expenditure];
  const values = rows.flatMap((r) => amounts.map((a) => num(r[a.key]) ?? 0));
  const { y, svg: axis } = leftAxis(Math.min(0, ...values), Math.max(0, ...values));
  const { x, w } = band(rows.length);
  const bw = Math.min(22, (w * 0.8) / amounts.length);
  const bars = rows.map((r, i) => amounts.map((a, j) => {
    const v = num(r[a.key]);
    if (v === null) return '';
    const x0 = x(i) - (bw * amounts.length) / 2 + j * bw;
    const top = Math.min(y(v), y(0));
    return `<rect x="${x0.toFixed(1)}" y="${top.toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${Math.max(Math.abs(y(v) - y(0)), 0.5).toFixed(1)}" fill="${colours[j % colours.length]}"/>`;
  }).join('')).join('');
  const labels = rows.map((r) => String(r.label));
  const marks = (chart.marks ?? []).map((mk) => {
    const i = labels.indexOf(mk.label);
    if (i < 0) return '';
    const top = Math.min(...amounts.map((a) => y(Math.max(0, num(rows[i][a.key]) ?? 0))));
    return text(x(i) + 4, Math.max(top - 4, M.top + 8), mk.text, 'class="note"');
  }).join('');
  return frame(axis + bars + marks + xLabels(labels, x), amounts.map((a, j) => ({ label: a.label.replace('（元）', ''), colour: colours[j % colours.length] })), chart.title);
}

function balanceSvg(chart: Chart): string {
  const c = reportConfig().colours;
  const rows = chart.table.rows;
  const amount = chart.table.columns.find((col) => col.kind === 'amount' || col.kind === 'mixed')!;
  const lines: Column[] = chart.table.columns.filter((col) => col.kind === 'number');
  const balances = rows.map((r) => num(r[amount.key]));
  const known = balances.filter((v): v is number => v !== null);
  const { y, svg: axis, below } = leftAxis(Math.min(0, ...known), Math.max(0, ...known, 1));
  const { x, w } = band(rows.length);
  const bw = Math.min(30, w * 0.6);
  // right axis: months payable, over the healthy band, its zero on the balance's zero line
  const months = rows.flatMap((r) => lines.map((l) => num(r[l.key]))).filter((v): v is number => v !== null);
  const mTicks = niceTicks(0, Math.max(...months, chart.band?.max ?? 0, 1) * 1.05, Math.max(1, Math.round(5 * (1 - below))));
  const mTop = mTicks[mTicks.length - 1];
  const plotH = H - M.top - M.bottom;
  const ym = (v: number) => M.top + plotH * (1 - below) * (1 - v / mTop);
  const rightAxis = mTicks.map((t) => text(W - M.right + 6, ym(t) + 4, tickText(t), 'class="ax"')).join('')
    + text(W - M.right + 6, M.top - 10, '个月', 'class="ax"');
  const bandSvg = chart.band && lines.length
    ? `<rect x="${M.left}" width="${W - M.left - M.right}" y="${ym(chart.band.max).toFixed(1)}" height="${(ym(chart.band.min) - ym(chart.band.max)).toFixed(1)}" fill="${c.healthy_band}" fill-opacity="0.12"/>`
    : '';
  const firstProjected = rows.findIndex((r) => r.projected === 'true');
  const bars = rows.map((r, i) => {
    const v = balances[i];
    if (v === null) return '';
    const fill = v < 0 ? c.overdrawn : r.projected === 'true' ? c.balance_projected : c.balance;
    const top = Math.min(y(v), y(0));
    return `<rect x="${(x(i) - bw / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${bw.toFixed(1)}" height="${Math.max(Math.abs(y(v) - y(0)), 0.5).toFixed(1)}" fill="${fill}"${v < 0 && r.projected === 'true' ? ' fill-opacity="0.55"' : ''}/>`;
  }).join('');
  const dashes = ['', '6 3', '2 2'];
  const lineSvg = lines.map((l, j) => {
    let d = '';
    let pen = false;
    const dots: string[] = [];
    rows.forEach((r, i) => {
      const v = num(r[l.key]);
      if (v === null) { pen = false; return; }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${ym(v).toFixed(1)}`;
      pen = true;
      dots.push(`<circle cx="${x(i).toFixed(1)}" cy="${ym(v).toFixed(1)}" r="2.5" fill="${c.months_payable}"/>`);
    });
    return `<path d="${d}" fill="none" stroke="${c.months_payable}" stroke-width="1.6"${dashes[j % dashes.length] ? ` stroke-dasharray="${dashes[j % dashes.length]}"` : ''}/>${dots.join('')}`;
  }).join('');
  const split = firstProjected > 0
    ? `<line x1="${(x(firstProjected) - w / 2).toFixed(1)}" x2="${(x(firstProjected) - w / 2).toFixed(1)}" y1="${M.top - 4}" y2="${H - M.bottom}" stroke="#888" stroke-dasharray="3 3"/>`
      + text(x(firstProjected) - w / 2 + 4, M.top + 8, '预测', 'class="note"')
    : '';
  const empty = known.length ? '' : text((M.left + W - M.right) / 2, (M.top + H - M.bottom) / 2, chart.note ?? '无累计结余数据', 'text-anchor="middle" class="note"');
  const items: Legend[] = [
    { label: amount.label.replace('（元）', ''), colour: c.balance },
    ...(firstProjected >= 0 ? [{ label: '预测', colour: c.balance_projected }] : []),
    ...(known.some((v) => v < 0) ? [{ label: '累计结余穿底', colour: c.overdrawn }] : []),
    ...lines.map((l, j) => ({ label: `${l.label}（右轴）`, colour: c.months_payable, line: true, dashed: j > 0 })),
    ...(chart.band && lines.length ? [{ label: chart.band.label, colour: c.healthy_band, area: true }] : []),
  ];
  const labels = rows.map((r) => String(r.label));
  return frame(bandSvg + axis + (lines.length ? rightAxis : '') + bars + lineSvg + split + empty + xLabels(labels, x), items, chart.title);
}

/** The chart as an SVG element's markup. */
export function chartSvg(chart: Chart): string {
  return chart.type === 'flows' ? flowsSvg(chart) : balanceSvg(chart);
}
