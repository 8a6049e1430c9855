// What both Observable Framework sites (observablehq.config.js, observablehq.public.config.js)
// share: offline and Chinese. No Google Fonts (globalStylesheets: []; style.css carries a CJK
// system font stack), no search (MiniSearch cannot tokenise unspaced Chinese), links ending in
// .html (any intranet web server, no rewrites), no favicon request, lang="zh-CN" (also written
// into the HTML after the build, since Framework has no lang option).
import {readFileSync} from "node:fs";

export const site = JSON.parse(readFileSync(new URL("./site.json", import.meta.url), "utf8"));

export const offlineChinese = {
  globalStylesheets: [],
  style: "style.css",
  search: false,
  pager: true,
  toc: {label: "本页内容", show: true},
  preserveExtension: true,
  head: `<link rel="icon" href="data:,"><script>document.documentElement.lang = "zh-CN";</script>`
};
