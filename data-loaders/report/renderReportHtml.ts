// The monthly report as one self-contained, print-styled HTML page (A4, Chinese, system CJK fonts,
// no external resources), which headless Chromium turns into the PDF.
import { cellText, MONTH_STATUS } from '../../vocabulary/index.ts';
import { cellKind, type Column, type ReportData, type Table } from './types.ts';

export const CJK_FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const NUMERIC = new Set<Column['kind']>(['count', 'money', 'pct', 'change', 'number', 'mixed']);

export function renderTable(t: Table): string {
  const head = t.columns.map((c) => `<th class="${NUMERIC.has(c.kind) ? 'num' : ''}">${escapeHtml(c.label)}</th>`).join('');
  const body = t.rows.length
    ? t.rows.map((r, i) => {
        const cls = t.totalRows?.includes(i) ? ' class="total"' : '';
        const tds = t.columns.map((c) => {
          const k = cellKind(c, r);
          return `<td class="${k === 'text' ? '' : 'num'}">${escapeHtml(cellText(r[c.key], k))}</td>`;
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

export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { font-family: ${CJK_FONT_STACK}; font-size: 10pt; color: #1b1e23; }
body { margin: 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; letter-spacing: 0.05em; text-align: center; }
.subtitle { text-align: center; color: #555; margin: 0 0 6mm; font-size: 10pt; }
.badge { display: inline-block; padding: 0 2.5mm; border-radius: 2mm; font-size: 9pt; color: #fff; background: #b26b00; }
.badge.final { background: #2e7d32; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #1f4e79; color: #1f4e79; break-after: avoid; }
section.chapter { break-inside: auto; }
p.snote { margin: 1mm 0 2mm; font-size: 8.5pt; color: #444; line-height: 1.5; }
figure.table { margin: 2mm 0 4mm; break-inside: avoid; }
figcaption { font-weight: 600; font-size: 9.5pt; margin-bottom: 1mm; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.2mm solid #9aa5b1; padding: 0.8mm 1.2mm; vertical-align: top; }
th { background: #e8eef5; font-weight: 600; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
td { white-space: nowrap; }
.lead { break-inside: avoid; }
tr.total td { font-weight: 700; background: #f5f7fa; }
td.empty { text-align: center; color: #777; }
p.tnote { font-size: 7.5pt; color: #555; margin: 1mm 0 0; }
.signoff { margin-top: 8mm; font-size: 9pt; color: #444; text-align: right; }
`;

export function reportTitle(d: Pick<ReportData, 'cityName' | 'monthLabel'>): string {
  return `${d.cityName}长期护理保险基金运行月报（${d.monthLabel}）`;
}

/** The report's title, subtitle and sections: the PDF's body, and the site's report pages. */
export function renderReportBody(d: ReportData): string {
  const status = `<span class="badge${d.status === 'final' ? ' final' : ''}">${MONTH_STATUS[d.status]}</span>`;
  // The heading, its notes and the first table stay together on one page.
  const sections = d.sections.map((s, i) => `<section class="chapter" id="s-${escapeHtml(s.id)}">
<div class="lead">
<h2>${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? i + 1}、${escapeHtml(s.title)}</h2>
${(s.notes ?? []).map((n) => `<p class="snote">${escapeHtml(n)}</p>`).join('\n')}
${s.tables.slice(0, 1).map(renderTable).join('\n')}
</div>
${s.tables.slice(1).map(renderTable).join('\n')}
</section>`).join('\n');
  return `<h1>${escapeHtml(reportTitle(d))}</h1>
<p class="subtitle">${escapeHtml(d.cityName)}（医保区划 ${escapeHtml(d.city)}） · 报告期 ${escapeHtml(d.monthLabel)} 及本年累计 · ${status}${d.asOfDate ? ` · 数据截至 ${escapeHtml(d.asOfDate)}` : ''}</p>
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
export function footerTemplate(d: Pick<ReportData, 'cityName' | 'monthLabel'>): string {
  return `<div style="width:100%;font-size:8px;color:#555;font-family:${CJK_FONT_STACK.replaceAll('"', "'")};padding:0 14mm;display:flex;justify-content:space-between;">`
    + `<span>${escapeHtml(reportTitle(d))}</span><span>第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</span></div>`;
}
