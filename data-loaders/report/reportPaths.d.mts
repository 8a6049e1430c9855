// Types for reportPaths.mjs (plain JS so that observablehq.config.js can import it).
export declare const SITE_REPORT_MONTHS: number;
export declare function siteReportMonths(allMonths: string[]): string[];
export declare function siteMonths(dbPath?: string): Promise<string[]>;
export declare function reportPaths(): AsyncGenerator<string>;
