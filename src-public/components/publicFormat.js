// Display formatting for the public pages. Values arrive as the loaders wrote them: money as exact
// decimal strings, suppressed cells as "<10" or "*" (kept as they are).
const SUPPRESSED = new Set(["<10", "*"]);

export function isSuppressed(v) {
  return SUPPRESSED.has(v);
}

/** 元 with thousands separators, from an exact decimal string. */
export function yuan(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (isSuppressed(v)) return v;
  const [int, frac = ""] = String(v).replace(/^-/, "").split(".");
  return `${String(v).startsWith("-") ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${(frac + "00").slice(0, 2)}`;
}

/** 万元 for key figures (display only). */
export function wan(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (isSuppressed(v)) return v;
  return `${(Number(v) / 10000).toLocaleString("zh-CN", {minimumFractionDigits: 2, maximumFractionDigits: 2})} 万元`;
}

export function count(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (isSuppressed(v)) return v;
  return Number(v).toLocaleString("zh-CN");
}

export function pct(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (isSuppressed(v)) return v;
  return `${(Number(v) * 100).toFixed(1)}%`;
}

export function number(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (isSuppressed(v)) return v;
  return Number(v).toLocaleString("zh-CN", {minimumFractionDigits: 2, maximumFractionDigits: 2});
}

const BY_KIND = {money: yuan, count, pct, number, text: (v) => (v === null || v === undefined ? "—" : String(v))};

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
