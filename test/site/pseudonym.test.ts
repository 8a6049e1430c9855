// 基金监管 lists findings with persons as pseudonyms: the warehouse's keyed hash of the person
// number — not a hash anyone holding the code could recompute for every person number.
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadIdKey } from '../../data-loaders/ingest/certHash.ts';
import { ltciSql, REPO } from '../support/demoWarehouse.ts';
import { readTar } from './tar.ts';

describe('audit list loader', () => {
  it('names persons only by the keyed pseudonym, in every month file', () => {
    const db = process.env.LTCI_TEST_DB!;
    const tar = execFileSync(process.execPath, ['--import', 'tsx', 'src/data/audit-period.tar.ts'], {
      cwd: REPO,
      env: { ...process.env, LTCI_DB: db },
      maxBuffer: 64 * 1024 * 1024,
    });
    const out = [...readTar(tar).values()].join('\n');
    const persons = ltciSql(db, 'select settlement_id, person_no from stg_settlement');
    const personOf = new Map(persons.map((r) => [String(r.settlement_id), String(r.person_no)]));
    for (const p of personOf.values()) expect(out).not.toContain(`"${p}"`);
    const list = [...out.matchAll(/"settlement_id":"([^"]+)"[^}]*?"person_pseudonym":"(P[0-9A-F]{10})"/g)];
    expect(list.length).toBeGreaterThan(0);
    const key = loadIdKey(db);
    for (const [, settlementId, pseudonym] of list.slice(0, 20)) {
      const hmac = createHmac('sha256', key).update(`person:${personOf.get(settlementId)}`).digest('hex');
      expect(pseudonym).toBe(`P${hmac.slice(0, 10).toUpperCase()}`);
    }
  });
});
