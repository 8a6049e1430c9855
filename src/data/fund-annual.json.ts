// mart_fund_annual: yearly income, expenditure, balance, surplus rate, months payable and surplus status.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `select * from mart_fund_annual order by city, scheme, year`));
