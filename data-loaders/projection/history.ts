// Each build's projection, kept by the data's as-of date in projection_history: a table outside the
// rebuilt model layer, so that next year's actuals can be set beside what was forecast
// (mart_projection_backtest, kind `recorded`). A rebuild on the same data replaces its own rows.
import type { DuckDBConnection } from '@duckdb/node-api';

export const PROJECTION_HISTORY_DDL = `create table if not exists projection_history (
    as_of DATE, recorded_at TIMESTAMP, city VARCHAR, scheme VARCHAR, scenario VARCHAR, base_year INTEGER, year INTEGER,
    income_total DECIMAL(18,2), expenditure_total DECIMAL(18,2), balance_end DECIMAL(18,2),
    months_payable DECIMAL(12,2), surplus_status VARCHAR,
    primary key (as_of, city, scheme, scenario, year)
)`;

/** Append this build's mart_projection under the data's as-of date (int_extract_period_bounded.last_date). */
export async function recordProjection(conn: DuckDBConnection, { progress = (() => {}) as (line: string) => void } = {}): Promise<number> {
  await conn.run(PROJECTION_HISTORY_DDL);
  const asOf = `(select last_date from int_extract_period_bounded)`;
  await conn.run(`delete from projection_history where as_of = ${asOf}`);
  const reader = await conn.runAndReadAll(`insert into projection_history
    select ${asOf}, current_timestamp::timestamp, city, scheme, scenario, base_year, year,
        income_total, expenditure_total, balance_end, months_payable, surplus_status
    from mart_projection
    where year > base_year`);
  const n = Number(reader.rowsChanged ?? 0);
  progress(`projection_history: ${n} projected years recorded under the data's as-of date`);
  return n;
}
