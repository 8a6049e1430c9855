// The monthly reports for the site's report pages (the latest SITE_REPORT_MONTHS months, as in
// observablehq.config.js's dynamicPaths): one JSON per month (YYYY-MM.json) holding each
// city's report as rendered HTML (the same tables as the PDF from `ltci report`), and index.json.
// One archive, one loader run: every [month].md page reads data/<month>.json from it.
import { existsSync } from 'node:fs';
import { resolveDbPath, withWarehouse } from '../../data-loaders/db.ts';
import { reportCities, reportData, reportMonths, renderReportBody, reportTitle } from '../../data-loaders/report/index.ts';
import { siteReportMonths } from '../../data-loaders/report/reportPaths.mjs';
import { tarArchive } from '../../data-loaders/report/writeTar.ts';

const dbPath = resolveDbPath();
if (!existsSync(dbPath)) {
  console.error(`no warehouse at ${dbPath}: run \`node bin/ltci.mjs refresh\` (or ingest + build), or set LTCI_DB`);
  process.exit(1);
}

const files = await withWarehouse(dbPath, async ({ conn }) => {
  const cities = await reportCities(conn);
  const months = siteReportMonths(await reportMonths(conn));
  const out: [string, string][] = [];
  const index: { month: string; cities: { city: string; cityName: string; status: string }[] }[] = [];
  for (const month of months) {
    const reports = [];
    for (const c of cities.filter((x) => x.firstMonth <= month && month <= x.lastMonth)) {
      const d = await reportData(conn, { city: c.city, month });
      reports.push({ city: d.city, cityName: d.cityName, status: d.status, asOfDate: d.asOfDate, title: reportTitle(d), html: renderReportBody(d) });
    }
    index.push({ month, cities: reports.map((r) => ({ city: r.city, cityName: r.cityName, status: r.status })) });
    out.push([`${month}.json`, JSON.stringify({ month, reports })]);
  }
  out.push(['index.json', JSON.stringify(index)]);
  return out;
}, { readOnly: true });

process.stdout.write(tarArchive(files));
