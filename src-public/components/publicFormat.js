// Display formatting for the public pages, on the dashboards' formatters (./format.ts is a link to
// src/components/format.ts: one formatter for the dashboards, the report and this site). Values
// arrive as the loaders wrote them: money as exact decimal strings, suppressed cells as "<10" or
// "*", a fund below zero as "—（累计结余穿底）", an unknown balance as "期初结余未提供" — text that is not a number stays as it is.
import {DASH, decimalText, months, number as numberText, percent, yuan} from "./format.js";

const SUPPRESSED = new Set(["<10", "*"]);

export function isSuppressed(v) {
  return SUPPRESSED.has(v);
}

const numeric = (v) => typeof v === "number" || /^-?\d+(\.\d+)?$/.test(String(v).trim());

/** Wrap a formatter: empty → "—", suppressed or other text → as it is, numbers → `fn`. */
function guarded(fn) {
  return (v) => (v === null || v === undefined || v === "" ? DASH : !numeric(v) ? String(v) : fn(v));
}

/** 元 with thousands separators, from an exact decimal string: "1234.5" → "1,234.50". */
export const money = guarded((v) => decimalText(String(v)));

/** 万元 / 亿元 for key figures: "12345678.9" → "1234.57万元". */
export const wan = guarded((v) => yuan(Number(v)));

/** An exact count with separators, no unit: 18532 → "18,532". */
export const count = guarded((v) => numberText(Number(v)));

/** Months payable: 6.25 → "6.3个月"; text ("—（累计结余穿底）") as it is. */
export const monthsPayable = guarded((v) => months(Number(v)));

export const pct = guarded((v) => percent(Number(v)));

export const number = guarded((v) => numberText(Number(v), {digits: 2}));

const BY_KIND = {money, count, pct, number, text: (v) => (v === null || v === undefined ? DASH : String(v))};

/** Inputs.table options for a public table: Chinese headers, formats, numbers right-aligned. */
export function tableOptions(t, {columns} = {}) {
  const cols = columns ? t.columns.filter((c) => columns.includes(c.key)) : t.columns;
  return {
    columns: cols.map((c) => c.key),
    header: Object.fromEntries(cols.map((c) => [c.key, c.label])),
    format: Object.fromEntries(cols.map((c) => [c.key, BY_KIND[c.kind] ?? BY_KIND.text])),
    align: Object.fromEntries(cols.map((c) => [c.key, c.kind === "text" ? "left" : "right"])),
    rows: 16,
    layout: "auto"
  };
}
