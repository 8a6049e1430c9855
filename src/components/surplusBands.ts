// The surplus-status bands (months payable) as intervals, from what the warehouse used
// (cfg_surplus_band) or config/thresholds.json, else the spec's defaults 3 / 6 / 9 / 15.
export interface Band { code: string; label: string; color: string; advice: string; from: number; to: number }

interface BandConfig {
  surplusStatus: { code: string; label: string; color: string; advice: string }[];
  bands?: Record<string, unknown>[];
  thresholds?: Record<string, unknown> | null;
  defaultBands: { insufficient_below: number; low_below: number; reasonable_max: number; high_max: number };
}

function num(x: unknown): number | null {
  return x === null || x === undefined || x === '' ? null : Number(x);
}

/** Band edges [3, 6, 9, 15] from the config, whichever form it takes. */
export function bandEdges(config: BandConfig): number[] {
  const rows = config.bands ?? [];
  if (rows.length) {
    const scored = rows.filter((r) => r.basis === undefined || r.basis === 'months_payable');
    const lows = scored.map((r) => num(r.min_value ?? r.min_months)).filter((x): x is number => x !== null && x > 0);
    const highs = scored.map((r) => num(r.max_value ?? r.max_months)).filter((x): x is number => x !== null);
    const edges = [...new Set([...lows, ...highs])].sort((a, b) => a - b);
    if (edges.length >= 4) return edges.slice(0, 4);
  }
  const breaks = (config.thresholds?.surplus_bands as { breaks_months?: unknown[] } | undefined)?.breaks_months;
  if (Array.isArray(breaks) && breaks.length === 4) return breaks.map(Number);
  const d = config.defaultBands;
  return [d.insufficient_below, d.low_below, d.reasonable_max, d.high_max];
}

/** The statuses with months-payable intervals; `overdrawn` (balance below 0) has none. */
export function surplusBands(config: BandConfig, max = 24): Band[] {
  const [a, b, c, d] = bandEdges(config);
  const ranges: Record<string, [number, number]> = { insufficient: [0, a], low: [a, b], reasonable: [b, c], high: [c, d], excessive: [d, Math.max(max, d + 3)] };
  return config.surplusStatus.filter((s) => ranges[s.code]).map((s) => ({ ...s, from: ranges[s.code][0], to: ranges[s.code][1] }));
}
