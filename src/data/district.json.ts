// mart_district: the per-district breakdown, where the data has districts.
import { printJson, rowsIfTable } from './lib/mart.ts';

await printJson((conn) => rowsIfTable(conn, 'mart_district', `select * from mart_district order by all`));
