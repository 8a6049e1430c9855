// mart_assessment (the monthly assessment flow) and mart_beneficiary_profile (beneficiaries by level and age band).
import { printJson, rowsIfTable, rowsOf } from './lib/mart.ts';

await printJson(async (conn) => ({
  flow: await rowsOf(conn, `select * from mart_assessment order by city, scheme, month`),
  profile: await rowsIfTable(conn, 'mart_beneficiary_profile', `select * from mart_beneficiary_profile order by all`),
}));
