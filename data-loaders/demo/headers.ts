// The header row a demo file is written with: the contract's English names, its Chinese labels, or
// the national platform's field names (医疗保障信息平台) with the platform's codes — what a bureau
// exporting straight from the platform's tables sends. The ingest reads all three the same.
import type { Column, HeaderAlias } from '../contract/index.ts';

export type DemoHeaders = 'en' | 'zh' | 'platform';
export const DEMO_HEADERS: readonly DemoHeaders[] = ['en', 'zh', 'platform'];

type PlatformAlias = Exclude<HeaderAlias, string>;

function platformAlias(c: Column): PlatformAlias | undefined {
  return c.aliases?.find((a): a is PlatformAlias => typeof a !== 'string' && Boolean(a.platform));
}

/** The contract's value → the platform's code: the first full-length code the contract maps to it ('01', not '1'). */
function codeOf(alias: PlatformAlias): Map<string | null, string> {
  const codes = new Map<string | null, string>();
  const entries = Object.entries(alias.values ?? {}).sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
  for (const [code, value] of entries) if (!codes.has(value)) codes.set(value, code);
  return codes;
}

/** The header of column `c`. */
export function headerOf(c: Column, headers: DemoHeaders): string {
  if (headers === 'zh') return c.zh;
  if (headers === 'platform') return platformAlias(c)?.header ?? c.name;
  return c.name;
}

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A SELECT item writing column `c` (named `c.name` in the generator's tables) under its header. */
export function selectItem(c: Column, headers: DemoHeaders): string {
  const name = `"${c.name}"`;
  const alias = headers === 'platform' ? platformAlias(c) : undefined;
  let expr = name;
  if (alias?.dateOf === 'timestamp') expr = `strftime(${name}, '%Y-%m-%d 10:00:00')`;
  else if (alias?.values) {
    const codes = codeOf(alias);
    const whens = [...codes].filter(([v]) => v !== null).map(([v, code]) => `when ${name}::VARCHAR = ${sqlText(v!)} then ${sqlText(code)}`);
    const whenNull = codes.has(null) ? `when ${name} is null then ${sqlText(codes.get(null)!)} ` : '';
    expr = `case ${whenNull}${whens.join(' ')} else ${name}::VARCHAR end`;
  }
  return `${expr} as "${headerOf(c, headers)}"`;
}

/** The same, for a value written from JavaScript (the malformed files). */
export function valueOf(c: Column, headers: DemoHeaders, value: string): string {
  const alias = headers === 'platform' ? platformAlias(c) : undefined;
  if (alias?.dateOf === 'timestamp') return value ? `${value} 10:00:00` : value;
  if (alias?.values) return codeOf(alias).get(value === '' ? null : value) ?? value;
  return value;
}
