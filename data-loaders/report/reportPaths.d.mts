// Types for reportPaths.mjs (plain JS so that observablehq.config.js can import it).
export interface SiteReport { kind: 'month' | 'year'; period: string; cities: string[] }
export declare const SITE_REPORT_MONTHS: number;
export declare const FILES_PATH: string;
export declare function siteReportMonths(allMonths: string[]): string[];
export declare function cityYearSpan(city: { firstMonth: string; lastMonth: string }, year: number): { first: string; last: string } | null;
export declare function siteReportList(query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<SiteReport[]>;
export declare function siteReports(dbPath?: string): Promise<SiteReport[]>;
export declare function reportPaths(): AsyncGenerator<string>;
