// The monthly report (月报): figures from the marts → HTML → PDF (Chromium), and → XLSX (exceljs).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { withWarehouse } from '../db.ts';
import { reportCities, reportData } from './reportData.ts';
import { footerTemplate, renderReportHtml } from './renderReportHtml.ts';
import { withBrowser, writePdf } from './writePdf.ts';
import { writeWorkbook } from './writeWorkbook.ts';
import type { ReportData } from './types.ts';
import { MONTH_STATUS } from '../../vocabulary/index.ts';

export * from './types.ts';
export { reportCities, reportData, reportMonths, monthLabel, type ReportCity } from './reportData.ts';
export { monthStatus, SETTLEMENT_LAG_MONTHS } from './monthStatus.ts';
export { renderReportHtml, renderReportBody, footerTemplate, reportTitle } from './renderReportHtml.ts';
export { buildWorkbook, writeWorkbook } from './writeWorkbook.ts';
export { withBrowser, writePdf } from './writePdf.ts';

export interface WrittenReport {
  city: string;
  cityName: string;
  pdf: string;
  xlsx: string;
  status: ReportData['status'];
}

/** Write `<city>-<YYYY-MM>.pdf` and `.xlsx` to `outDir` for one city, or every city with data that month. */
export async function writeReports(
  { dbPath, month, city, outDir, pdf = true, progress = () => {} }:
  { dbPath: string; month: string; city?: string; outDir: string; pdf?: boolean; progress?: (line: string) => void },
): Promise<WrittenReport[]> {
  const data = await withWarehouse(dbPath, async ({ conn }) => {
    const cities = await reportCities(conn);
    const chosen = city ? cities.filter((c) => c.city === city) : cities.filter((c) => c.firstMonth <= month && month <= c.lastMonth);
    if (city && !chosen.length) throw new UserError(`no fund data for city ${city}; cities in the warehouse: ${cities.map((c) => `${c.city} ${c.cityName}`).join(', ') || 'none'}`);
    if (!chosen.length) {
      throw new UserError(`no city has fund data for ${month}; months in the warehouse: ${cities.map((c) => `${c.cityName} ${c.firstMonth}…${c.lastMonth}`).join(', ') || 'none (run ltci build)'}`);
    }
    const out: ReportData[] = [];
    for (const c of chosen) out.push(await reportData(conn, { city: c.city, month }));
    return out;
  }, { readOnly: true });
  mkdirSync(outDir, { recursive: true });
  const written: WrittenReport[] = [];
  const writeAll = async (print?: (d: ReportData, path: string) => Promise<void>) => {
    for (const d of data) {
      const base = join(resolve(outDir), `${d.city}-${d.month}`);
      await writeWorkbook(d, `${base}.xlsx`);
      if (print) await print(d, `${base}.pdf`);
      written.push({ city: d.city, cityName: d.cityName, pdf: `${base}.pdf`, xlsx: `${base}.xlsx`, status: d.status });
      progress(`${d.cityName} ${d.monthLabel}（${MONTH_STATUS[d.status]}）→ ${base}.pdf, ${base}.xlsx`);
    }
  };
  if (pdf) {
    await withBrowser((browser) => writeAll((d, path) => writePdf(browser, renderReportHtml(d), path, { footer: footerTemplate(d) })));
  } else {
    await writeAll();
  }
  return written;
}
