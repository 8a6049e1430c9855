// Observable Framework config for the dashboards (Simplified Chinese, offline).
// Offline and Chinese settings shared with the public site: config/framework.js. Every library is imported by bare name from
// node_modules in the pages.
// `<html lang="zh-CN">` and the footer's as-of date are written by data-loaders/site/buildSite.ts.
import {offlineChinese, site} from "./config/framework.js";
import {reportPaths} from "./data-loaders/report/reportPaths.mjs";
import {auditPeriodPaths} from "./src/data/lib/auditPeriods.mjs";

export default {
  ...offlineChinese,
  root: "src",
  output: process.env.LTCI_SITE_OUT ?? "dist",
  title: "长护险基金数据仓库",
  home: "长护险基金看板",
  pages: [
    {name: "基金收支", path: "/fund"},
    {name: "结余原则", path: "/surplus"},
    {name: "政策模拟", path: "/simulate"},
    {name: "服务类型", path: "/services"},
    {name: "失能评估", path: "/assessment"},
    {name: "试点城市对比", path: "/cities"},
    {name: "基金监管", path: "/audit"},
    {name: "政策目录", path: "/policies"},
    {name: "数据质量", path: "/data-quality"},
    {name: "月报与年报", path: "/reports/"},
    {name: "方法说明", path: "/methodology"}
  ],
  // One report page per month and per year (src/reports/[period].md); 基金监管's year and month files
  // (src/data/audit-period.tar.ts), which the page fetches by name.
  dynamicPaths: async function* () {
    yield* reportPaths();
    yield* auditPeriodPaths();
  },
  // Internal: not for search engines.
  head: `<meta name="robots" content="noindex">${offlineChinese.head}`,
  footer: `<span class="ltci-footer">${site.publisher} · 数据截至 <span id="ltci-asof">（见各页来源说明）</span> · 内部资料，注意保密</span>`
};
