// docs/extracts.md is the project's copy of the contract: its column tables must be exactly what
// data-loaders/contract says, and every column, Chinese label and code must appear in it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS, SERVICE_TYPES, LEDGER_CATEGORIES } from '../../data-loaders/contract/index.ts';
import { BEGIN, END, contractMarkdown } from '../../data-loaders/contract/markdown.ts';

const doc = readFileSync(new URL('../../docs/extracts.md', import.meta.url), 'utf8');

describe('docs/extracts.md', () => {
  it('carries the generated tables of the current contract (regenerate: npx tsx data-loaders/contract/markdown.ts --write)', () => {
    expect(doc.slice(doc.indexOf(BEGIN), doc.indexOf(END) + END.length)).toBe(contractMarkdown());
  });

  it('names every column with its Chinese label, type and requiredness, and every code', () => {
    for (const kind of KINDS) {
      expect(doc).toContain(`### ${kind.name} (${kind.zh})`);
      for (const c of kind.columns) expect(doc).toMatch(new RegExp(`\\| ${c.name} \\| ${c.zh} \\| [^|]+ \\| ${c.required ? 'yes' : 'no'} \\|`));
      for (const check of kind.checks) expect(doc).toContain(check.rule);
    }
    for (const [code, zh] of Object.entries(SERVICE_TYPES)) expect(doc).toContain(`\`${code}\` (${zh}`);
    for (const code of Object.keys(LEDGER_CATEGORIES)) expect(doc).toContain(code);
  });

  it('lists the national platform\'s field names the ingest accepts', () => {
    const table = doc.slice(doc.indexOf('### Platform field names'));
    for (const field of ['psn_no', 'certno', 'gend', 'brdy', 'insuplc_admdvs', 'insu_admdvs', 'insutype', 'setl_id', 'fixmedins_code',
      'fixmedins_name', 'hosp_lv', 'medfee_sumamt', 'fund_pay_sumamt', 'psn_part_amt', 'psn_pay', 'setl_time', 'init_setl_id']) {
      expect(table).toContain(`| \`${field}\` |`);
    }
  });

  it('states the marts the warehouse promises', () => {
    for (const mart of ['mart_fund_monthly', 'mart_fund_annual', 'mart_service_type', 'mart_city_comparison', 'mart_assessment', 'mart_audit_findings']) {
      expect(doc).toContain(mart);
    }
  });
});
