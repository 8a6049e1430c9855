// Display formatting for the public pages, on the product's vocabulary (../vocabulary: the same
// formatters as the dashboards and the report). Values arrive as the loaders wrote them: money as
// exact decimal strings, suppressed cells as "<10" or "*", a fund below zero as "—（累计结余穿底）",
// an unknown balance as "期初结余未提供" — text that is not a number stays as it is (numericOr).
// Only the formatters: the rest of the vocabulary (internal check names among its labels) stays off the public site.
import {cellText, numericOr} from "../vocabulary/cell.js";
import {months, yuan} from "../vocabulary/format.js";

/** 万元 / 亿元 for key figures: "12345678.9" → "1234.57万元". */
export const wan = (v) => numericOr(v, (n) => yuan(n));

/** An exact count with separators, no unit: 18532 → "18,532". */
export const count = (v) => cellText(v, "count");

/** Months payable: 6.25 → "6.3个月"; text ("—（累计结余穿底）") as it is. */
export const monthsPayable = (v) => numericOr(v, (n) => months(n));

/** Inputs.table options for a public table: Chinese headers, formats, numbers right-aligned. */
export function tableOptions(t, {columns} = {}) {
  const cols = columns ? t.columns.filter((c) => columns.includes(c.key)) : t.columns;
  return {
    columns: cols.map((c) => c.key),
    header: Object.fromEntries(cols.map((c) => [c.key, c.label])),
    format: Object.fromEntries(cols.map((c) => [c.key, (v) => cellText(v, c.kind)])),
    align: Object.fromEntries(cols.map((c) => [c.key, c.kind === "text" ? "left" : "right"])),
    rows: 16,
    layout: "auto"
  };
}
