// The report as one self-contained, print-styled HTML page (A4, Chinese, system CJK fonts, charts
// as inline SVG, no external resources), which headless Chromium turns into the PDF; its body is
// also what the site's report pages show.
import { day, MONTH_STATUS } from '../../vocabulary/index.ts';
import { headerText, reportCellText, rowLabelText } from './cells.ts';
import { CJK_FONT_STACK, escapeHtml } from './html.ts';
import { chartSvg } from './svgChart.ts';
import { cellKind, type Chart, type Column, type ReportData, type Table } from './types.ts';

export { CJK_FONT_STACK, escapeHtml } from './html.ts';

const NUMERIC = new Set<Column['kind']>(['count', 'money', 'amount', 'pct', 'change', 'number', 'mixed']);

/** A `pairs` table: its rows in two halves side by side, the columns repeated. */
function pairs(t: Table): Table {
  const half = Math.ceil(t.rows.length / 2);
  const right = (c: { key: string }) => `${c.key}__r`;
  return {
    ...t,
    layout: undefined,
    columns: [...t.columns, ...t.columns.map((c) => ({ ...c, key: right(c) }))],
    rows: t.rows.slice(0, half).map((r, i) => {
      const other = t.rows[half + i] ?? {};
      return { ...r, ...Object.fromEntries(Object.entries(other).map(([k, v]) => [k.endsWith('__kind') ? `${k.slice(0, -6)}__r__kind` : `${k}__r`, v])) };
    }),
  };
}

export function renderTable(table: Table): string {
  const t = table.layout === 'pairs' ? pairs(table) : table;
  const head = t.columns.map((c) => `<th class="${NUMERIC.has(c.kind) ? 'num' : ''}">${escapeHtml(headerText(c, t.rows))}</th>`).join('');
  const body = t.rows.length
    ? t.rows.map((r, i) => {
        const cls = t.totalRows?.includes(i) ? ' class="total"' : '';
        const tds = t.columns.map((c) => {
          const k = cellKind(c, r);
          const text = reportCellText(r[c.key], k);
          return `<td class="${k === 'text' ? '' : 'num'}">${escapeHtml(k === 'text' ? rowLabelText(text, t.columns, r) : text)}</td>`;
        }).join('');
        return `<tr${cls}>${tds}</tr>`;
      }).join('\n')
    : `<tr><td colspan="${t.columns.length}" class="empty">本期无数据</td></tr>`;
  return `<figure class="table" id="t-${escapeHtml(t.id)}">
<figcaption>${escapeHtml(t.title)}</figcaption>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
${t.note ? `<p class="tnote">${escapeHtml(t.note)}</p>` : ''}
</figure>`;
}

export function renderChart(c: Chart): string {
  return `<figure class="chart" id="c-${escapeHtml(c.id)}" data-chart="${escapeHtml(c.id)}">
<figcaption>${escapeHtml(c.title)}</figcaption>
${chartSvg(c)}
${c.note ? `<p class="tnote">${escapeHtml(c.note)}</p>` : ''}
</figure>`;
}

export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { font-family: ${CJK_FONT_STACK}; font-size: 10pt; color: #1b1e23; }
body { margin: 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; letter-spacing: 0.05em; text-align: center; }
.subtitle { text-align: center; color: #555; margin: 0 0 1mm; font-size: 10pt; }
.unit { text-align: right; color: #555; margin: 0; font-size: 8.5pt; }
.badge { display: inline-block; padding: 0 2.5mm; border-radius: 2mm; font-size: 9pt; color: #fff; background: #b26b00; }
.badge.final { background: #2e7d32; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #1f4e79; color: #1f4e79; break-after: avoid; }
section.chapter { break-inside: auto; }
p.lead { margin: 0 0 2.5mm; font-size: 10.5pt; line-height: 1.75; text-indent: 2em; text-align: justify; }
p.snote { margin: 1mm 0 2mm; font-size: 8.5pt; color: #444; line-height: 1.5; }
figure.table { margin: 2mm 0 4mm; break-inside: avoid; }
figure.chart { margin: 3mm 0 4mm; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-weight: 600; font-size: 9.5pt; margin-bottom: 1mm; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.2mm solid #9aa5b1; padding: 0.8mm 1.2mm; vertical-align: top; }
th { background: #e8eef5; font-weight: 600; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
/* labels stay on one line; other text cells (statuses and their reasons) wrap so that figures keep their columns */
td:first-child { white-space: nowrap; }
.lead-block { break-inside: avoid; }
tr.total td { font-weight: 700; background: #f5f7fa; }
td.empty { text-align: center; color: #777; }
p.tnote { font-size: 7.5pt; color: #555; margin: 1mm 0 0; line-height: 1.45; }
#t-data-notes table { width: auto; min-width: 90mm; }
.signoff { margin-top: 8mm; font-size: 9pt; color: #444; text-align: right; }
`;

/** "连云港市长期护理保险基金运行月报（2027年2月）", or …年报（2027年）. */
export function reportTitle(d: Pick<ReportData, 'cityName' | 'kind' | 'periodLabel'>): string {
  return `${d.cityName}长期护理保险基金运行${d.kind === 'year' ? '年报' : '月报'}（${d.periodLabel}）`;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The report's title, subtitle and sections: the PDF's body, and the site's report pages. */
export function renderReportBody(d: ReportData): string {
  const status = `<span class="badge${d.status === 'final' ? ' final' : ''}">${MONTH_STATUS[d.status]}</span>`;
  // The heading, its paragraphs and the first table stay together on one page.
  const sections = d.sections.map((s, i) => `<section class="chapter" id="s-${escapeHtml(s.id)}">
<div class="lead-block">
<h2>${NUMERALS[i] ?? i + 1}、${escapeHtml(s.title)}</h2>
${(s.lead ?? []).map((p) => `<p class="lead">${escapeHtml(p)}</p>`).join('\n')}
${(s.notes ?? []).map((n) => `<p class="snote">${escapeHtml(n)}</p>`).join('\n')}
${s.tables.slice(0, 1).map(renderTable).join('\n')}
</div>
${s.tables.slice(1).map(renderTable).join('\n')}
${(s.charts ?? []).map(renderChart).join('\n')}
</section>`).join('\n');
  const period = d.kind === 'year' ? `${d.periodLabel}，与上年对比` : `${d.periodLabel}及本年累计`;
  return `<h1>${escapeHtml(reportTitle(d))}</h1>
<p class="subtitle">${escapeHtml(d.cityName)}（医保区划 ${escapeHtml(d.city)}） · ${escapeHtml(period)} · ${status}${d.asOfDate ? ` · 数据截至 ${escapeHtml(day(d.asOfDate))}` : ''}</p>
<p class="unit">金额单位：万元</p>
${sections}
<p class="signoff">${escapeHtml(d.publisher)} · 长护险基金数据仓库生成</p>`;
}

export function renderReportHtml(d: ReportData): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(reportTitle(d))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${renderReportBody(d)}
</body>
</html>
`;
}

/** Chromium's page footer: page x of y, in Chinese. */
export function footerTemplate(d: Pick<ReportData, 'cityName' | 'kind' | 'periodLabel'>): string {
  return `<div style="width:100%;font-size:8px;color:#555;font-family:${CJK_FONT_STACK.replaceAll('"', "'")};padding:0 14mm;display:flex;justify-content:space-between;">`
    + `<span>${escapeHtml(reportTitle(d))}</span><span>第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</span></div>`;
}
