// mart_pilot_cities: the 49 national pilot cities (医保发〔2020〕37号), marking those with data here.
import { printJson, rowsIfTable } from './lib/mart.ts';

await printJson((conn) => rowsIfTable(conn, 'mart_pilot_cities', `select * from mart_pilot_cities order by all`));
