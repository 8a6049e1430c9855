// ltci refresh: where deliveries come from, and demo mode never overwriting a bureau's warehouse.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../data-loaders/cli.ts';
import { configuredDeliveries } from '../data-loaders/commands/refresh.ts';

describe('configuredDeliveries', () => {
  it('takes --deliveries first, then LTCI_DELIVERIES, then ltci.config.json', () => {
    const root = mkdtempSync(join(tmpdir(), 'ltci-refresh-'));
    writeFileSync(join(root, 'ltci.config.json'), JSON.stringify({ deliveries: ['d/2027-01', 'd/2027-02'] }));
    expect(configuredDeliveries('a,b', {}, root)).toEqual(['a', 'b']);
    expect(configuredDeliveries(undefined, { LTCI_DELIVERIES: 'x:y' }, root)).toEqual(['x', 'y']);
    expect(configuredDeliveries(undefined, {}, root)).toEqual([join(root, 'd/2027-01'), join(root, 'd/2027-02')]);
  });

  it('has none when nothing is configured', () => {
    expect(configuredDeliveries(undefined, {}, mkdtempSync(join(tmpdir(), 'ltci-refresh-')))).toEqual([]);
  });

  it('names the config file when it is malformed', () => {
    const root = mkdtempSync(join(tmpdir(), 'ltci-refresh-'));
    writeFileSync(join(root, 'ltci.config.json'), JSON.stringify({ deliveries: 'not-a-list' }));
    expect(() => configuredDeliveries(undefined, {}, root)).toThrow(/ltci\.config\.json: "deliveries" must be a list/);
  });
});

describe('ltci refresh in demo mode', () => {
  it('refuses to replace a warehouse it did not make', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltci-refresh-'));
    const db = join(dir, 'bureau.duckdb');
    writeFileSync(db, 'a bureau warehouse');
    const errors: string[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => errors.push(a.join(' '));
    try {
      delete process.env.LTCI_DELIVERIES;
      expect(await main(['refresh', '--db', db, '--scale', 'tiny'])).toBe(2);
    } finally {
      console.error = orig;
    }
    expect(errors.join('\n')).toMatch(/demo mode did not make/);
  });
});
