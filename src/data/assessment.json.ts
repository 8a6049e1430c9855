// mart_assessment (the monthly assessment flow) and mart_beneficiary_profile (beneficiaries by
// disability level, age band and sex, per city, scheme and year).
import { printJson, rowsOf } from './lib/mart.ts';

await printJson(async (conn) => ({
  flow: await rowsOf(conn, `select * from mart_assessment order by city, scheme, month`),
  profile: await rowsOf(conn, `select * from mart_beneficiary_profile order by city, scheme, year, disability_level, age_band, sex`),
}));
