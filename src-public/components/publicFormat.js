// Display formatting for the public pages, on the product's vocabulary (../vocabulary: the same
// formatters as the dashboards and the report). Values arrive as the loaders wrote them: money as
// exact decimal strings in 元, hidden cells as "<10" or "*", words such as "期初结余未提供" — text
// that is not a number stays as it is (numericOr). Tables show money in 万元 (the CSVs keep 元).
// Only the formatters: the rest of the vocabulary (internal check names among its labels) stays off the public site.
import {html} from "htl";
import {cellText, numericOr} from "../vocabulary/cell.js";
import {day, month, months, wanText, yuan, yuanTick} from "../vocabulary/format.js";

/** 万元 / 亿元 for key figures: "12345678.9" → "1,234.57万元". */
export const wan = (v) => numericOr(v, (n) => yuan(n));

/** An exact count with separators, no unit: 18532 → "18,532". */
export const count = (v) => cellText(v, "count");

/** Months payable: 6.25 → "6.3个月"; text as it is. */
export const monthsPayable = (v) => numericOr(v, (n) => months(n));

/** Axis ticks in 元 for charts: 3e6 → "300万". */
export const moneyTick = yuanTick;

/** "数据截至2027年12月31日 · 发布日期2028年1月5日", under every page's title (meta.json). */
export function datesLine(meta) {
  return html`<p class="pub-dates">数据截至${day(meta.asOf)}<span>·</span>发布日期${day(meta.published)}</p>`;
}

/**
 * Inputs.table options for a public table: Chinese headers, formats, numbers right-aligned; money
 * in 万元 (the header says so, the digits come from the exact amount).
 */
export function tableOptions(t, {columns, rows = 16} = {}) {
  const cols = columns ? columns.map((k) => t.columns.find((c) => c.key === k)).filter(Boolean) : t.columns;
  // totals in 万元; an amount per person stays in 元
  const inWan = (c) => c.kind === "money" && !c.key.includes("per_");
  const header = (c) => (inWan(c) ? c.label.replace("（元）", "（万元）") : c.label);
  const format = (c) => (inWan(c) ? (v) => numericOr(v, (_, text) => wanText(text)) : c.kind === "text" ? dated : (v) => cellText(v, c.kind));
  return {
    columns: cols.map((c) => c.key),
    header: Object.fromEntries(cols.map((c) => [c.key, header(c)])),
    format: Object.fromEntries(cols.map((c) => [c.key, format(c)])),
    align: Object.fromEntries(cols.map((c) => [c.key, c.kind === "text" ? "left" : "right"])),
    rows,
    layout: "auto"
  };
}

/** Text, with a date or a month written as Chinese readers do: "2019-06-19" → "2019年6月19日", "2027-12" → "2027年12月". */
function dated(v) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(v))) return day(v);
  if (/^\d{4}-\d{2}$/.test(String(v))) return month(`${v}-01`);
  return cellText(v, "text");
}

/** A number for a chart, or NaN for a hidden or missing value (the line leaves a gap). */
export function plotted(v) {
  return typeof v === "number" || /^-?\d+(\.\d+)?$/.test(String(v ?? "")) ? Number(v) : NaN;
}
