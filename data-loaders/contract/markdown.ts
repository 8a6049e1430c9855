// The contract's kinds as Markdown tables: the generated part of docs/extracts.md.
// Regenerate with `npx tsx data-loaders/contract/markdown.ts --write`; a test checks the doc.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KINDS } from './index.ts';
import { MONEY_MAX, type Column, type ColumnType, type HeaderAlias, type Kind } from './types.ts';

export const BEGIN = '<!-- generated from data-loaders/contract: begin -->';
export const END = '<!-- generated from data-loaders/contract: end -->';

const TYPE_TEXT: Record<ColumnType, string> = {
  text: 'text',
  code: 'code',
  admdvs: '6 digits',
  cert: 'resident ID',
  date: 'date',
  month: 'month',
  timestamp: 'timestamp',
  money: 'money',
  decimal: 'decimal',
  int: 'integer',
  bool: 'true/false',
};

const cell = (s: string) => s.replaceAll('|', '\\|');

/** An alias as the doc shows it: the header, and for a platform field what its codes become. */
function aliasText(a: HeaderAlias): string {
  if (typeof a === 'string') return a;
  return a.platform ? `${a.header} (platform)` : a.header;
}

function ruleText(kind: Kind, c: Column): string {
  const parts: string[] = [];
  if (kind.key.includes(c.name)) parts.push(kind.key.length > 1 ? `key (${kind.key.join(', ')})` : 'key');
  if (c.values) parts.push(Object.entries(c.values).map(([code, spellings]) => `\`${code}\` (${spellings.filter((s) => s !== code).join(' / ')})`).join(', '));
  if (c.min !== undefined) parts.push(c.type === 'money' && c.min === 0 && kind.columns.some((x) => x.name === 'reversal_of') ? '≥ 0 except on a reversal row' : `≥ ${c.min}`);
  if (c.type === 'money') parts.push(`\`amount_too_large\`: |amount| ≤ ${(c.max ?? MONEY_MAX).toFixed(2)}`);
  else if (c.max !== undefined) parts.push(`≤ ${c.max}`);
  if (c.dates) {
    parts.push(`from ${c.dates.earliest} (\`date_too_early\`: ${c.dates.why})`);
    if (c.dates.yearsAfterLoad !== undefined) parts.push(`at most ${c.dates.yearsAfterLoad} years after the load date (\`date_too_late\`)`);
  }
  for (const u of c.unusable ?? []) parts.push(`\`${u.rule}\`: ${u.values.join(' / ')} refused`);
  if (c.notResidentId) parts.push('`person_no_is_resident_id`: a valid 18-character resident ID is refused (人员编号 is not 证件号码)');
  if (c.default !== undefined) parts.push(`empty = ${c.default}`);
  if (c.rule) parts.push(c.rule);
  for (const check of kind.checks.filter((k) => k.column === c.name)) parts.push(`\`${check.rule}\`: ${check.sql}`);
  if (c.aliases?.length) parts.push(`header also: ${c.aliases.map(aliasText).join(', ')}`);
  return parts.join('; ');
}

export function kindTable(kind: Kind): string {
  const head = `### ${kind.name} (${kind.zh})${kind.optional ? ' — optional' : ''}\nKey: ${kind.key.join(' + ')} · table \`raw_${kind.name}\`\n`;
  const rows = kind.columns.map((c) =>
    `| ${c.name} | ${c.zh} | ${TYPE_TEXT[c.type]} | ${c.required ? 'yes' : 'no'} | ${cell(ruleText(kind, c))} |`);
  return [head, '| column | 中文 | type | required | rule |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The national platform's field names (platform aliases), one row per field and column, with the kinds that accept it. */
export function platformTable(): string {
  const rows = new Map<string, { header: string; column: string; kinds: string[]; codes: string }>();
  for (const kind of KINDS) {
    for (const c of kind.columns) {
      for (const a of c.aliases ?? []) {
        if (typeof a === 'string' || !a.platform) continue;
        const key = `${a.header}:${c.name}`;
        const codes = [a.note, ...(c.unusable ?? []).map((u) => `${u.values.join(' / ')} rejected (\`${u.rule}\`)`)].filter(Boolean).join('; ');
        const row = rows.get(key) ?? { header: a.header, column: c.name, kinds: [], codes };
        row.kinds.push(kind.name);
        rows.set(key, row);
      }
    }
  }
  const lines = [...rows.values()].map((r) => `| \`${r.header}\` | ${r.column} | ${r.kinds.join(', ')} | ${cell(r.codes)} |`);
  return ['### Platform field names (医疗保障信息平台)\n', '| platform field | column | kinds | codes |', '|---|---|---|---|', ...lines].join('\n');
}

/** The generated block, markers included. */
export function contractMarkdown(): string {
  return [BEGIN, ...KINDS.map(kindTable), platformTable(), END].join('\n\n');
}

/** Replace the generated block of a document with the current contract. */
export function withGeneratedBlock(doc: string): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/extracts.md: generated-block markers not found');
  return doc.slice(0, a) + contractMarkdown() + doc.slice(b + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  const path = new URL('../../docs/extracts.md', import.meta.url);
  writeFileSync(path, withGeneratedBlock(readFileSync(path, 'utf8')));
  console.log('docs/extracts.md: contract tables regenerated');
}
