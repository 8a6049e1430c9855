// What the 政策模拟 page loads (src/data/projection.json.ts), read from the projection marts only.
// The engine's inputs keep their DECIMALs as exact strings (the browser's engine,
// src/components/projection.ts, computes in fixed point and must see the stored digits); the
// marts' results are numbers, as every other loader ships them.
import type { DuckDBConnection } from '@duckdb/node-api';
import { rowsOf, type Row } from './mart.ts';

/** Every row of `table`, DECIMAL columns as their exact text. */
export async function exactRows(conn: DuckDBConnection, table: string, orderBy: string): Promise<Row[]> {
  const columns = await rowsOf(conn, `select column_name, data_type from information_schema.columns where table_name = '${table}' order by ordinal_position`);
  const list = columns.map((c) => (String(c.data_type).startsWith('DECIMAL') ? `${c.column_name}::varchar as ${c.column_name}` : String(c.column_name)));
  return rowsOf(conn, `select ${list.join(', ')} from ${table} order by ${orderBy}`);
}

export async function projectionData(conn: DuckDBConnection) {
  return {
    // mart_projection_funds: each fund's base year and the engine's fund-level inputs (exact)
    funds: await exactRows(conn, 'mart_projection_funds', 'city, scheme'),
    // mart_projection_inputs: the cells by sex and age band (exact)
    inputs: await exactRows(conn, 'mart_projection_inputs', 'city, scheme, sex, age_from'),
    // mart_projection_summary: per fund and scenario, the scenario's parameters (exact) and answers
    summary: await exactRows(conn, 'mart_projection_summary', 'city, scheme, scenario_order'),
    // mart_projection: the scenarios' paths
    projection: await rowsOf(conn, 'select * from mart_projection order by city, scheme, scenario_order, year'),
    // mart_projection_backtest: projections from earlier base years against what happened
    backtest: await rowsOf(conn, `select * from mart_projection_backtest order by city, scheme, kind, base_year, scenario, year`),
  };
}
