// CSV text for the download buttons: the product's one CSV writer (vocabulary/csv.ts) — Chinese
// headers, UTF-8 BOM (Excel and WPS then read Chinese), CRLF, RFC 4180 quoting, numbers as numbers,
// and text that would run as a formula neutralised.
export { BOM, csvCell, toCsv, type CsvColumn } from '../vocabulary/csv.js';
