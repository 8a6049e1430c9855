// The surplus-status bands (months payable) as intervals, from the bands the warehouse used
// (cfg_surplus_band, from config/thresholds.json; data/config.json fails without it).
export interface Band { code: string; label: string; color: string; advice: string; from: number; to: number }

interface BandConfig {
  surplusStatus: { code: string; label: string; color: string; advice: string }[];
  bands?: Record<string, unknown>[];
}

function num(x: unknown): number | null {
  return x === null || x === undefined || x === '' ? null : Number(x);
}

/** The four band edges in months (e.g. [3, 6, 9, 15]) from cfg_surplus_band's rows. */
export function bandEdges(config: BandConfig): number[] {
  const scored = (config.bands ?? []).filter((r) => r.basis === 'months_payable');
  const lows = scored.map((r) => num(r.min_value)).filter((x): x is number => x !== null && x > 0);
  const highs = scored.map((r) => num(r.max_value)).filter((x): x is number => x !== null);
  const edges = [...new Set([...lows, ...highs])].sort((a, b) => a - b);
  if (edges.length !== 4) throw new Error(`cfg_surplus_band should give four month edges, got ${JSON.stringify(edges)}: run ltci build`);
  return edges;
}

/** The statuses with months-payable intervals; `overdrawn` (balance below 0) has none. */
export function surplusBands(config: BandConfig, max = 24): Band[] {
  const [a, b, c, d] = bandEdges(config);
  const ranges: Record<string, [number, number]> = { insufficient: [0, a], low: [a, b], reasonable: [b, c], high: [c, d], excessive: [d, Math.max(max, d + 3)] };
  return config.surplusStatus.filter((s) => ranges[s.code]).map((s) => ({ ...s, from: ranges[s.code][0], to: ranges[s.code][1] }));
}
