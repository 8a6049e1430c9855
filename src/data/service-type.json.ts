// mart_service_type: costs, beneficiaries, fund share and unit costs per city, scheme, year and service type.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `select * from mart_service_type order by city, scheme, year, service_type`));
