// The projection's assumptions with their sources, as `ltci build` loaded them from config/scenarios.json,
// config/life-table.json and config/standard-population.json (cfg_projection*, cfg_life_table,
// cfg_standard_population): for the methodology page.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson(async (conn) => ({
  settings: (await rowsOf(conn, `select horizon_years, healthy_status, as_of::varchar as as_of, standard_population from cfg_projection`))[0],
  scenarios: await rowsOf(conn, `select scenario, label_zh, description_zh from cfg_projection_scenario order by sort_order`),
  assumptions: await rowsOf(conn, `select * from cfg_projection_assumption order by file, scenario nulls first, param`),
  lifeTable: await rowsOf(conn, `select sex, age_from, age_to, death_rate::varchar as death_rate from cfg_life_table order by sex, age_from`),
  standard: await rowsOf(conn, `select age_from, age_to, weight::varchar as weight from cfg_standard_population order by age_from`),
}));
