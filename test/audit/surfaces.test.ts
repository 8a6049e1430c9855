// Where the audit is shown — the site's 基金监管 loader and the monthly report — reads the audit marts
// only, names persons only by the keyed pseudonym, and shows the one headline: the sum of
// mart_audit_settlements.overpaid_amt over settlements priced by the policy, each settlement once.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withWarehouse } from '../../data-loaders/db.ts';
import { reportData } from '../../data-loaders/report/reportData.ts';
import { ltciSql, REPO } from '../support/demoWarehouse.ts';
import { readTar } from '../site/tar.ts';

const db = () => process.env.LTCI_TEST_DB!;

function loader(file: string) {
  return execFileSync(process.execPath, ['--import', 'tsx', file], {
    cwd: REPO,
    env: { ...process.env, LTCI_DB: db() },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The period files of audit-period.tar.ts (YYYY.json, YYYY-MM.json), parsed. */
function periodFiles(): Map<string, { period: string; summary: Record<string, unknown>[]; list?: Record<string, unknown>[] }> {
  const tar = execFileSync(process.execPath, ['--import', 'tsx', 'src/data/audit-period.tar.ts'], {
    cwd: REPO,
    env: { ...process.env, LTCI_DB: db() },
    maxBuffer: 64 * 1024 * 1024,
  });
  return new Map([...readTar(tar)].map(([name, text]) => [name, JSON.parse(text)]));
}

describe('the 基金监管 page and its loaders', () => {
  it('read marts only: no raw_, stg_ or int_ table in the loaders or the page', () => {
    for (const file of ['src/data/audit-findings.json.ts', 'src/data/audit-period.tar.ts', 'src/data/lib/auditList.ts', 'src/data/audit-checks.json.ts', 'src/audit.md']) {
      expect(readFileSync(join(REPO, file), 'utf8').match(/\b(raw|stg|int)_[a-z]\w*/g), file).toBeNull();
    }
  });

  it('never carry a person number, not even inside a detail text (one pseudonym everywhere)', () => {
    const out = loader('src/data/audit-findings.json.ts') + [...periodFiles().values()].map((f) => JSON.stringify(f)).join('\n');
    const persons = ltciSql(db(), 'select distinct person_no from mart_audit_settlements').map((r) => String(r.person_no));
    expect(persons.length).toBeGreaterThan(5);
    expect(persons.filter((p) => out.includes(p))).toEqual([]);
    // the not_enrolled detail used to name the person number (人员编号 …)
    expect(out).not.toContain('人员编号');
  });

  it('show the headline of mart_audit_settlements, each settlement once, assumed prices apart', () => {
    const out = JSON.parse(loader('src/data/audit-findings.json.ts'));
    const total = out.summary.find((r: { city: string; period: string; breakdown: string }) => r.city === '*' && r.period === '*' && r.breakdown === 'total');
    const [sums] = ltciSql(db(), `select
        count(*) as settlements,
        coalesce(sum(overpaid_amt) filter (where counts_in_headline), 0) as overpaid,
        coalesce(sum(overpaid_amt) filter (where price_basis = 'assumed'), 0) as assumed,
        count(*) filter (where price_basis = 'missing') as missing
        from mart_audit_settlements`);
    expect(Number(sums.settlements)).toBeGreaterThan(5);
    expect([total.settlements, total.overpaid_amt, total.assumed_overpaid_amt, total.missing_settlements]).toEqual([
      Number(sums.settlements), Number(sums.overpaid), Number(sums.assumed), Number(sums.missing),
    ]);
    // the month files' lists hold every flagged settlement, once, in the month it was paid: none capped
    const lists = [...periodFiles().values()].filter((f) => f.list);
    const ids = lists.flatMap((f) => f.list!.map((r) => String(r.settlement_id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(Number(sums.settlements));
    expect(lists.every((f) => f.list!.every((r) => r.settled_month === f.period))).toBe(true);
  });

  it("the monthly report's 疑点 count and amount are mart_audit_settlements' for the month it was paid", async () => {
    const [month] = ltciSql(db(), `select city, strftime(settled_month, '%Y-%m') as month, count(*) as n,
        sum(overpaid_amt) filter (where counts_in_headline) as overpaid
        from mart_audit_settlements group by all order by n desc, city, month limit 1`);
    const report = await withWarehouse(db(), ({ conn }) => reportData(conn, { city: String(month.city), month: String(month.month) }), { readOnly: true });
    const table = report.sections.flatMap((s) => s.tables).find((t) => t.id === 'audit-total')!;
    const row = (item: string) => table.rows.find((r) => r.item === item)!;
    expect(row('疑点结算（笔）').current).toBe(Number(month.n));
    expect(row('多付金额（元）').current).toBe(String(month.overpaid ?? '0.00'));
  });

  it('lists on the methodology page the clauses checked and not checked for want of data', () => {
    const out = JSON.parse(loader('src/data/audit-checks.json.ts'));
    const [n] = ltciSql(db(), 'select count(*) as n from mart_audit_checks');
    expect(out.checks).toHaveLength(Number(n.n));
    expect(out.checks.length).toBeGreaterThan(0);
  });
});
