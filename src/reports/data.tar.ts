// The reports for the site (data-loaders/report/reportPaths.mjs: the latest LTCI_REPORT_MONTHS
// months, and the years whose December is among them), in one archive, one loader run:
//  - <period>.json: each city's report as rendered HTML (the body of the PDF), its files and its
//    charts' data as CSV — what src/reports/[period].md shows;
//  - index.json: every period with its cities;
//  - files/<city>-<period>.pdf and .xlsx: the same bytes `ltci report` writes, all printed by one
//    Chromium (observablehq.config.js lists them as dynamicPaths, so they keep their names).
import { existsSync } from 'node:fs';
import { queryRows, resolveDbPath, withWarehouse } from '../../data-loaders/db.ts';
import {
  annualReportData, pdfJob, printAll, renderReportBody, reportBaseName, reportData, reportTitle, withBrowser, workbookBytes, type ReportData,
} from '../../data-loaders/report/index.ts';
import { chartCsv } from '../../data-loaders/report/chartCsv.ts';
import { siteReportList } from '../../data-loaders/report/reportPaths.mjs';
import { tarArchive } from '../../data-loaders/report/writeTar.ts';

const dbPath = resolveDbPath();
if (!existsSync(dbPath)) {
  console.error(`no warehouse at ${dbPath}: run \`node bin/ltci.mjs refresh\` (or ingest + build), or set LTCI_DB`);
  process.exit(1);
}

const t0 = performance.now();
const { list, reports } = await withWarehouse(dbPath, async ({ conn }) => {
  const list = await siteReportList((sql) => queryRows(conn, sql));
  const reports: ReportData[] = [];
  for (const r of list) {
    for (const city of r.cities) {
      reports.push(r.kind === 'year' ? await annualReportData(conn, { city, year: Number(r.period) }) : await reportData(conn, { city, month: r.period }));
    }
  }
  return { list, reports };
}, { readOnly: true });
const t1 = performance.now();

const files: [string, string | Buffer][] = [];
for (const r of list) {
  const shown = reports.filter((d) => d.period === r.period);
  files.push([`${r.period}.json`, JSON.stringify({
    kind: r.kind,
    period: r.period,
    reports: shown.map((d) => ({
      city: d.city,
      cityName: d.cityName,
      status: d.status,
      asOfDate: d.asOfDate,
      title: reportTitle(d),
      html: renderReportBody(d),
      files: { pdf: `${reportBaseName(d)}.pdf`, xlsx: `${reportBaseName(d)}.xlsx` },
      charts: d.sections.flatMap((s) => s.charts ?? []).map((c) => ({ id: c.id, title: c.title, csv: chartCsv(c) })),
    })),
  })]);
}
files.push(['index.json', JSON.stringify(list.map((r) => ({
  kind: r.kind,
  period: r.period,
  cities: reports.filter((d) => d.period === r.period).map((d) => ({ city: d.city, cityName: d.cityName, status: d.status, base: reportBaseName(d) })),
})))]);

for (const d of reports) files.push([`files/${reportBaseName(d)}.xlsx`, await workbookBytes(d)]);
const t2 = performance.now();
const pdfs: Buffer[] = [];
let done = 0;
await withBrowser((browser) => printAll(browser, reports.map(pdfJob), (i, bytes) => {
  pdfs[i] = bytes;
  if (++done % 10 === 0) process.stderr.write(`reports: ${done}/${reports.length} PDFs\n`);
}));
reports.forEach((d, i) => files.push([`files/${reportBaseName(d)}.pdf`, pdfs[i]]));
const t3 = performance.now();
process.stderr.write(`reports: ${reports.length} reports (${list.length} periods): figures ${((t1 - t0) / 1000).toFixed(1)} s, workbooks ${((t2 - t1) / 1000).toFixed(1)} s, PDFs ${((t3 - t2) / 1000).toFixed(1)} s\n`);

process.stdout.write(tarArchive(files));
