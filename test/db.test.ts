// The warehouse opens with a memory cap (spilling beyond it), so a city's delivery loads on a 4 GB machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLimit, queryRows, withWarehouse } from '../data-loaders/db.ts';

describe('openWarehouse memory limit', () => {
  const saved = process.env.LTCI_MEMORY_LIMIT;
  afterEach(() => {
    if (saved === undefined) delete process.env.LTCI_MEMORY_LIMIT;
    else process.env.LTCI_MEMORY_LIMIT = saved;
  });

  it('is 3 GB unless LTCI_MEMORY_LIMIT says otherwise, and DuckDB applies it', async () => {
    expect(memoryLimit({})).toBe('3GB');
    expect(memoryLimit({ LTCI_MEMORY_LIMIT: ' 1500MB ' })).toBe('1500MB');
    expect(() => memoryLimit({ LTCI_MEMORY_LIMIT: 'lots' })).toThrow(/LTCI_MEMORY_LIMIT=lots .*2GB/);
    const dir = mkdtempSync(join(tmpdir(), 'ltci-db-'));
    try {
      process.env.LTCI_MEMORY_LIMIT = '1GB';
      const setting = await withWarehouse(join(dir, 'w.duckdb'), async ({ conn }) => (await queryRows(conn, "select current_setting('memory_limit') as v"))[0].v);
      // DuckDB reports the limit in its own units: 1 GB = 953.6 MiB
      expect(String(setting)).toMatch(/^953\.6 MiB$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
