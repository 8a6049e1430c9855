// config/scenarios.json, life-table.json and standard-population.json: the shipped files load, and a
// value with no source, a missing scenario or a broken band stops the build naming what to fix.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIFE_TABLE_PATH, readProjectionConfig, SCENARIOS_PATH, validateLifeTable, validateScenarios, validateStandardPopulation } from '../../data-loaders/projection/config.ts';

const scenarios = () => JSON.parse(readFileSync(SCENARIOS_PATH, 'utf8'));
const lifeTable = () => JSON.parse(readFileSync(LIFE_TABLE_PATH, 'utf8'));

describe('projection config', () => {
  it('loads the shipped files: four scenarios, every parameter sourced or assumed with why', () => {
    const c = readProjectionConfig();
    expect(c.scenarios.scenarios.map((s) => s.scenario)).toEqual(['no_change', 'baseline', 'low_cost', 'high_cost']);
    // the life table is an assumption until a census table replaces it, and says so
    expect('assumed' in c.lifeTable.source && c.lifeTable.source.why).toMatch(/生命表/);
    expect(c.standard.bands.reduce((s, b) => s + Number(b.weight), 0)).toBeCloseTo(100, 1);
  });

  it('refuses a parameter with no source, a missing scenario, a rate that is no decimal', () => {
    const noSource = scenarios();
    delete noSource.scenarios[1].unit_cost_growth.source;
    expect(() => validateScenarios(noSource)).toThrow(/scenarios\[1\]\.unit_cost_growth needs "source"/);
    const missing = scenarios();
    missing.scenarios = missing.scenarios.filter((s: { scenario: string }) => s.scenario !== 'low_cost');
    expect(() => validateScenarios(missing)).toThrow(/scenario "low_cost" is missing/);
    const notDecimal = scenarios();
    notDecimal.scenarios[0].prevalence_shift.value = 0.01;
    expect(() => validateScenarios(notDecimal)).toThrow(/prevalence_shift\.value must be a decimal string/);
  });

  it('refuses bands with a gap, and a standard population on other bands', () => {
    const gap = lifeTable();
    gap.bands[3].age_from = 16;
    expect(() => validateLifeTable(gap)).toThrow(/bands\[3\]\.age_from must be 15/);
    const life = validateLifeTable(lifeTable());
    expect(() => validateStandardPopulation({ as_of: '2026-01-01', name_zh: 'x', source: { document: 'd', clause: 'c' }, bands: [{ age_from: 0, weight: '100' }] }, life.bands)).toThrow(/must have the age bands/);
  });
});
