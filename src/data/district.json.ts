// mart_district: participants, beneficiaries and costs per district (区县), where the data has districts.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `select * from mart_district order by city, scheme, year, admdvs`));
