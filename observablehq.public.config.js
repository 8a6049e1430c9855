// Observable Framework config for the PUBLIC disclosure site (社会保险法第七十条: fund income,
// expenditure and balance; participants and beneficiaries; designated institutions; policy).
// Its own root (src-public/) so that no internal page or data file can end up in dist-public/.
// Offline and Chinese like the main site (config/framework.js); libraries by bare name from node_modules.
// Built by `npm run build:public` (data-loaders/public/buildPublic.ts).
import {offlineChinese, site} from "./config/framework.js";

export default {
  ...offlineChinese,
  root: "src-public",
  output: process.env.LTCI_PUBLIC_OUT ?? "dist-public",
  title: "长期护理保险基金信息公开",
  home: "长护险基金信息公开",
  // short pages: the width goes to the tables, not to a table of contents
  toc: false,
  pages: [
    {name: "基金收支", path: "/fund"},
    {name: "参保与待遇", path: "/people"},
    {name: "定点机构", path: "/institutions"},
    {name: "政策一览", path: "/policies"},
    {name: "开放数据", path: "/data"},
    {name: "说明", path: "/about"}
  ],
  footer: `<span class="pub-footer">${site.publisher} · 长期护理保险基金信息公开 · 依据《中华人民共和国社会保险法》第七十条 · 涉及1至10人的数值按本站规则隐藏（见说明）</span>`
};
