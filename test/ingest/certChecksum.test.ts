// The GB 11643 check character as SQL (validateSql.ts) against the standard's own arithmetic in
// JavaScript, on the standard's example ID and on thousands of generated ones, valid and not.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { certChecksumOk, certDigitColumns } from '../../data-loaders/ingest/validateSql.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17: string) => '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0) % 11];

describe('resident ID check character (GB 11643)', () => {
  it('accepts exactly the IDs whose 18th character the standard computes', async () => {
    // 11010519491231002X: the example of GB 11643-1999 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum 167, 167 mod 11 = 2 → X)
    expect(checkChar('11010519491231002')).toBe('X');
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ids: [string, boolean][] = [['11010519491231002X', true], ['110105194912310021', false], ['000000000000000000', false]];
    for (let i = 0; i < 3000; i++) {
      const first17 = Array.from({ length: 17 }, () => Math.floor(rand() * 10)).join('');
      const good = checkChar(first17);
      ids.push([first17 + good, true]);
      const bad = '0123456789X'.replace(good, '')[Math.floor(rand() * 10)];
      ids.push([first17 + bad, false]);
    }
    expect(ids.filter(([, ok]) => ok)).toHaveLength(3001);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await conn.run('create table ids (t varchar, expected boolean)');
      const appender = await conn.createAppender('ids');
      for (const [t, ok] of ids) {
        appender.appendVarchar(t);
        appender.appendBoolean(ok);
        appender.endRow();
      }
      appender.closeSync();
      const { head, tail } = certDigitColumns('t');
      const wrong = await conn.runAndReadAll(`select t, expected from (select *, ${head} as h, ${tail} as d from ids) where (${certChecksumOk('h', 'd', 't')}) is distinct from expected`);
      expect(wrong.getRows()).toEqual([]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});
