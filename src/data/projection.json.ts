// The projection marts for the 政策模拟 page: mart_projection_funds and mart_projection_inputs (the
// engine's inputs, exact), mart_projection_summary, mart_projection and mart_projection_backtest.
import { printJson } from './lib/mart.ts';
import { projectionData } from './lib/projection.ts';

await printJson(projectionData);
