// mart_fund_status_count: per year, how many funds are judged, reasonable, out of band, in deficit
// or need attention. 总览 and 结余原则 both read these counts, so they say the same.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `select * from mart_fund_status_count order by year`));
