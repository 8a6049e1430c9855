// data-loaders/config.ts: config/thresholds.json → cfg_surplus_band.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, readAreaNames, readThresholds, surplusBandRows, validateThresholds } from '../data-loaders/config.ts';
import { queryRows, withWarehouse } from '../data-loaders/db.ts';

describe('config/thresholds.json', () => {
  it('holds the default bands 3 / 6 / 9 / 15 with a date, a source and its uncertainty', () => {
    const t = readThresholds();
    expect(t.surplus_bands.breaks_months).toEqual([3, 6, 9, 15]);
    expect(t.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(t.surplus_bands.source).toContain('人社部发〔2009〕67号');
    expect(t.surplus_bands.source).toContain('primary text not retrieved');
    expect(t.surplus_bands.uncertainty.length).toBeGreaterThan(40);
  });

  it('turns the breaks into the intervals of the spec (reasonable 6 ≤ M ≤ 9, high 9 < M ≤ 15)', () => {
    const rows = surplusBandRows(readThresholds());
    const iv = Object.fromEntries(rows.map((r) => [r.status, [r.basis, r.min_value, r.min_inclusive, r.max_value, r.max_inclusive]]));
    expect(iv).toEqual({
      overdrawn: ['balance', null, false, 0, false],
      insufficient: ['months_payable', null, false, 3, false],
      low: ['months_payable', 3, true, 6, false],
      reasonable: ['months_payable', 6, true, 9, true],
      high: ['months_payable', 9, false, 15, true],
      excessive: ['months_payable', 15, false, null, false],
    });
    expect(rows.find((r) => r.status === 'reasonable')!.label_zh).toBe('结余合理');
  });

  it('rejects breaks that do not increase, naming the field', () => {
    const t = readThresholds();
    t.surplus_bands.breaks_months = [3, 9, 6, 15];
    expect(() => validateThresholds(t, 'thresholds.json')).toThrow(/breaks_months.*increase/);
  });

  it('rejects a missing band label or a colour that is not #rrggbb', () => {
    const t = readThresholds();
    t.surplus_bands.bands = t.surplus_bands.bands.filter((b) => b.status !== 'high');
    expect(() => validateThresholds(t)).toThrow(/exactly one entry for status "high"/);
    const u = readThresholds();
    u.surplus_bands.bands[0].colour = 'red';
    expect(() => validateThresholds(u)).toThrow(/colour as #rrggbb/);
  });

  it('writes cfg_surplus_band from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltci-config-'));
    try {
      const t = readThresholds();
      t.as_of = '2027-01-01';
      t.surplus_bands.breaks_months = [2, 4, 8, 12];
      const file = join(dir, 'thresholds.json');
      writeFileSync(file, JSON.stringify(t));
      const got = await withWarehouse(join(dir, 'w.duckdb'), async ({ conn }) => {
        await loadConfig(conn, { path: file });
        return queryRows(conn, `select status, min_value, max_value, as_of from cfg_surplus_band where status in ('low', 'high') order by sort_order`);
      });
      expect(got).toEqual([
        { status: 'low', min_value: '2.00', max_value: '4.00', as_of: '2027-01-01' },
        { status: 'high', min_value: '8.00', max_value: '12.00', as_of: '2027-01-01' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('config/admdvs.json (area names)', () => {
  it('names every area the demo delivers, each city included', () => {
    const names = new Map(readAreaNames().map((a) => [a.admdvs, a.name]));
    expect(names.get('370811')).toBe('任城区');
    expect(names.get('320115')).toBe('江宁区');
    expect(names.get('320700')).toBe('连云港市');
  });

  it('rejects a malformed file naming the field', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ltci-areas-')), 'admdvs.json');
    writeFileSync(path, JSON.stringify({ areas: [{ admdvs: '37081', name: '任城区', city: '370800' }] }));
    expect(() => readAreaNames(path)).toThrow(/areas\[0\]\.admdvs must be 6 digits/);
    writeFileSync(path, JSON.stringify({ areas: [{ admdvs: '370811', name: '任城区', city: '320800' }] }));
    expect(() => readAreaNames(path)).toThrow(/areas\[0\]\.city/);
  });
});
