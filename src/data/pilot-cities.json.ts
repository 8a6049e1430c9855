// mart_pilot_cities: the 49 national pilot cities (医保发〔2020〕37号), marking those with data here.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `
    select city_name, province, batch, scheme_from, scheme_document, city, national_pilot, has_data,
        data_first_month::varchar as data_first_month, data_last_month::varchar as data_last_month, policy_schemes
    from mart_pilot_cities order by has_data desc, batch, province, city_name`));
