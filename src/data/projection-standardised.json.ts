// mart_city_standardised: beneficiaries per 1 000 participants per city fund and year, crude and
// age-standardised to one standard population (cfg_standard_population).
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `select * from mart_city_standardised order by city, scheme, year`));
