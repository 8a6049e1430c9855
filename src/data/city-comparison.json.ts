// mart_city_comparison: participants, beneficiaries, per-head financing and fund figures per city, scheme and year.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `select * from mart_city_comparison order by city, scheme, year`));
