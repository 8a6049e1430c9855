// The product's vocabulary: the words for codes, the number and date formats, the months-payable
// ("overdrawn") rule and the status words, in one place for every surface — the dashboards (pages
// and charts, in the browser), their data loaders, the monthly report and the public site (Node).
//
// Why a folder of its own at the top of the repo: Observable Framework serves a page only the files
// under its root (src/, src-public/), so src/vocabulary and src-public/vocabulary are links to this
// folder; Node code imports it here. One file each, never copied. (A package under node_modules
// would also work, but Framework caches it by version: an edited label would not reach the site
// until its cache was cleared.) Plain TypeScript with no imports outside this folder and no DOM;
// its own imports end in .js, the one spelling both Framework (which serves ./format.ts as
// ./format.js) and Node (tsx, TypeScript's NodeNext) resolve.
export * from './format.js';
export * from './labels.js';
export * from './payable.js';
export * from './fundColumns.js';
export * from './cell.js';
