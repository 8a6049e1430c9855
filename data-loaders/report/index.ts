// The monthly report (月报) and the annual report (年报): figures from the marts → HTML → PDF
// (Chromium), and → XLSX (exceljs). The same report gives the same bytes (stableBytes.ts), so the
// site's downloads are the files `ltci report` writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../errors.ts';
import { withWarehouse } from '../db.ts';
import { annualReportData, reportCities, reportData, yearSpan } from './reportData.ts';
import { footerTemplate, renderReportHtml } from './renderReportHtml.ts';
import { documentDate } from './stableBytes.ts';
import { printAll, withBrowser, type PdfJob } from './writePdf.ts';
import { workbookBytes } from './writeWorkbook.ts';
import type { ReportData } from './types.ts';
import { MONTH_STATUS } from '../../vocabulary/index.ts';

export * from './types.ts';
export { reportCities, reportData, annualReportData, reportMonths, monthLabel, yearSpan, type ReportCity } from './reportData.ts';
export { monthStatus, SETTLEMENT_LAG_MONTHS } from './monthStatus.ts';
export { renderReportHtml, renderReportBody, footerTemplate, reportTitle } from './renderReportHtml.ts';
export { buildWorkbook, workbookBytes, writeWorkbook } from './writeWorkbook.ts';
export { withBrowser, writePdf, pdfBytes, printAll, type PdfJob } from './writePdf.ts';

/** A report's files: `<city>-<YYYY-MM>` (月报) or `<city>-<YYYY>` (年报), .pdf and .xlsx. */
export const reportBaseName = (d: Pick<ReportData, 'city' | 'period'>): string => `${d.city}-${d.period}`;

/** What Chromium prints for a report. */
export function pdfJob(d: ReportData): PdfJob {
  return { html: renderReportHtml(d), footer: footerTemplate(d), date: documentDate(d) };
}

export interface WrittenReport {
  city: string;
  cityName: string;
  kind: ReportData['kind'];
  period: string;
  pdf: string;
  xlsx: string;
  status: ReportData['status'];
}

/**
 * The reports a command asks for: `month` — each city with fund data that month (or `city`), and in
 * December also each one's annual report; `year` — each city's annual report (or `city`'s).
 */
export async function requestedReports(conn: DuckDBConnection, { month, year, city }: { month?: string; year?: number; city?: string }): Promise<ReportData[]> {
  const cities = await reportCities(conn);
  if (city && !cities.some((c) => c.city === city)) {
    throw new UserError(`no fund data for city ${city}; cities in the warehouse: ${cities.map((c) => `${c.city} ${c.cityName}`).join(', ') || 'none'}`);
  }
  const out: ReportData[] = [];
  if (month) {
    const chosen = city ? cities.filter((c) => c.city === city) : cities.filter((c) => c.firstMonth <= month && month <= c.lastMonth);
    if (!chosen.length) {
      throw new UserError(`no city has fund data for ${month}; months in the warehouse: ${cities.map((c) => `${c.cityName} ${c.firstMonth}…${c.lastMonth}`).join(', ') || 'none (run ltci build)'}`);
    }
    for (const c of chosen) out.push(await reportData(conn, { city: c.city, month }));
    // December closes the year: its annual report comes with it
    if (month.endsWith('-12')) for (const c of chosen) out.push(await annualReportData(conn, { city: c.city, year: Number(month.slice(0, 4)) }));
  }
  if (year !== undefined) {
    const chosen = city ? cities.filter((c) => c.city === city) : cities.filter((c) => yearSpan(c, year));
    if (!chosen.length) {
      throw new UserError(`no city has fund data in ${year}; months in the warehouse: ${cities.map((c) => `${c.cityName} ${c.firstMonth}…${c.lastMonth}`).join(', ') || 'none (run ltci build)'}`);
    }
    for (const c of chosen) out.push(await annualReportData(conn, { city: c.city, year }));
  }
  return out;
}

/** Write `<city>-<period>.pdf` and `.xlsx` to `outDir` for each report asked for (requestedReports). */
export async function writeReports(
  { dbPath, month, year, city, outDir, pdf = true, progress = () => {} }:
  { dbPath: string; month?: string; year?: number; city?: string; outDir: string; pdf?: boolean; progress?: (line: string) => void },
): Promise<WrittenReport[]> {
  const data = await withWarehouse(dbPath, ({ conn }) => requestedReports(conn, { month, year, city }), { readOnly: true });
  mkdirSync(outDir, { recursive: true });
  const written: WrittenReport[] = data.map((d) => {
    const base = join(resolve(outDir), reportBaseName(d));
    return { city: d.city, cityName: d.cityName, kind: d.kind, period: d.period, pdf: `${base}.pdf`, xlsx: `${base}.xlsx`, status: d.status };
  });
  const line = (i: number) => {
    const d = data[i];
    const w = written[i];
    return `${d.cityName} ${d.periodLabel}${d.kind === 'year' ? '年报' : '月报'}（${MONTH_STATUS[d.status]}）→ ${pdf ? `${w.pdf}, ` : ''}${w.xlsx}`;
  };
  for (let i = 0; i < data.length; i++) {
    writeFileSync(written[i].xlsx, await workbookBytes(data[i]));
    if (!pdf) progress(line(i));
  }
  if (pdf) {
    await withBrowser((browser) => printAll(browser, data.map(pdfJob), (i, bytes) => {
      writeFileSync(written[i].pdf, bytes);
      progress(line(i));
    }));
  }
  return written;
}
