// Contract rules → SQL. Every file is read as text (one VARCHAR per contract column, plus its
// line), then one SELECT parses each column to its type and names the FIRST broken rule of each
// row as an index into the rule list. No per-row JavaScript: millions of rows stay in DuckDB.
import { MONEY_MAX, storedName, type Column, type ColumnType, type HeaderAlias, type Kind } from '../contract/index.ts';
import { hmacSql } from './certHash.ts';
import { RESIDENT_ID_18 } from './mask.ts';

export interface RuleDef {
  /** Value of __fail for a row that breaks this rule first. */
  index: number;
  column: string;
  rule: string;
  message: string;
  /** Whether the rejected value may be quoted in the message (never for resident IDs). */
  showValue: boolean;
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const str = (s: string) => `'${s.replaceAll("'", "''")}'`;

const DATE_RE = String.raw`\d{4}-\d{2}-\d{2}|\d{4}/\d{2}/\d{2}|\d{8}`;
const RE: Record<Exclude<ColumnType, 'text' | 'code' | 'bool'>, string> = {
  admdvs: String.raw`\d{6}`,
  cert: String.raw`\d{17}[\dX]`,
  date: DATE_RE,
  // A first-of-month date is accepted too: Parquet DATE columns carry months that way.
  month: String.raw`\d{4}-\d{2}(-01)?|\d{6}`,
  timestamp: String.raw`(${DATE_RE})[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?`,
  money: String.raw`-?\d{1,16}(\.\d{1,2})?`,
  decimal: String.raw`-?\d{1,8}(\.\d{1,2})?`,
  int: String.raw`-?\d{1,9}(\.0+)?`,
};

const TRUE = ['true', 't', '1', 'yes', 'y', '是', '通过', '合格'];
const FALSE = ['false', 'f', '0', 'no', 'n', '否', '不通过', '不合格'];

const FORMAT: Record<ColumnType, { rule: string; message: (c: Column) => string }> = {
  text: { rule: 'text', message: () => '' },
  code: {
    rule: 'code_value',
    message: (c) => `不在代码表中 / not in the code list (${Object.keys(c.values ?? {}).join(', ')})`,
  },
  admdvs: { rule: 'admdvs_format', message: () => '医保区划应为6位数字 / area code must be 6 digits' },
  cert: { rule: 'cert_format', message: () => '证件号码应为18位（17位数字加数字或X）/ resident ID must be 18 characters' },
  date: { rule: 'date_format', message: () => '日期应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD / not a valid date' },
  month: { rule: 'month_format', message: () => '月份应为 YYYY-MM 或 YYYYMM / not a valid month' },
  timestamp: { rule: 'timestamp_format', message: () => '时间应为日期加 HH:MM[:SS] / not a valid date and time' },
  money: { rule: 'money_format', message: () => '金额应为元，最多两位小数 / yuan with at most 2 decimals' },
  decimal: { rule: 'decimal_format', message: () => '应为数字，最多两位小数 / number with at most 2 decimals' },
  int: { rule: 'int_format', message: () => '应为整数 / whole number expected' },
  bool: { rule: 'bool_format', message: () => '应为 true/false、1/0、通过/不通过 或 是/否 / true or false expected' },
};

const CERT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The first 17 characters of a resident ID as two integers (digits 1–9, 10–17; NULL unless digits). */
export function certDigitColumns(t: string): { head: string; tail: string } {
  return { head: `try_cast(substr(${t}, 1, 9) as integer)`, tail: `try_cast(substr(${t}, 10, 8) as integer)` };
}

/**
 * GB 11643 check character, as SQL: `head`, `tail` are the ID's digits 1–9 and 10–17 as integers
 * (certDigitColumns, computed once in an earlier projection), `t` the ID's text. Each digit is
 * taken by integer division — about a third of the CPU of 17 substr() calls on 5 M IDs.
 */
export function certChecksumOk(head: string, tail: string, t: string): string {
  const digits = (n: string, weights: number[]) =>
    weights.map((w, i) => `(${n} // ${10 ** (weights.length - 1 - i)}) % 10 * ${w}`).join(' + ');
  const sum = `${digits(head, CERT_WEIGHTS.slice(0, 9))} + ${digits(tail, CERT_WEIGHTS.slice(9))}`;
  return `substr('10X98765432', ((${sum}) % 11)::integer + 1, 1) = substr(${t}, 18, 1)`;
}

/** SQL parsing the text column `t` to the column's type; NULL when empty or malformed. */
function parseExpr(column: Column, t: string, idKey: Buffer): string {
  const matches = (re: string) => `regexp_full_match(${t}, ${str(re)})`;
  switch (column.type) {
    case 'text':
      return t;
    case 'code': {
      const whens = Object.entries(column.values ?? {}).flatMap(([canon, spellings]) =>
        [...new Set([canon, ...spellings].map((s) => s.toLowerCase()))].map((s) => `when ${str(s)} then ${str(canon)}`),
      );
      return `case lower(${t}) ${whens.join(' ')} end`;
    }
    case 'bool':
      return `case when lower(${t}) in (${TRUE.map(str).join(', ')}) then true when lower(${t}) in (${FALSE.map(str).join(', ')}) then false end`;
    case 'admdvs':
      return `case when ${matches(RE.admdvs)} then ${t} end`;
    case 'cert': {
      const { head, tail } = certDigitNames(column);
      return `case when ${matches(RE.cert)} and ${certChecksumOk(head, tail, t)} then ${hmacSql(idKey, t)} end`;
    }
    case 'date':
      // Fast path for YYYY-MM-DD (a plain cast), then the other two forms.
      return `case when length(${t}) = 10 and substr(${t}, 5, 1) = '-' and substr(${t}, 8, 1) = '-' then try_cast(${t} as date) when ${matches(RE.date)} then try_strptime(translate(${t}, '-/', ''), '%Y%m%d')::date end`;
    case 'month':
      return `case when ${matches(RE.month)} then try_strptime(left(replace(${t}, '-', ''), 6) || '01', '%Y%m%d')::date end`;
    case 'timestamp':
      // Fast path for YYYY-MM-DD HH:MM:SS (a plain cast), then the other forms.
      return `case when length(${t}) = 19 and substr(${t}, 5, 1) = '-' and substr(${t}, 8, 1) = '-' and substr(${t}, 11, 1) = ' ' and ${matches(RE.timestamp)} then try_cast(${t} as timestamp) when ${matches(RE.timestamp)} then try_cast(regexp_replace(${t}, '^(\\d{4})[-/]?(\\d{2})[-/]?(\\d{2})[ T]', '\\1-\\2-\\3 ') as timestamp) end`;
    case 'money':
      return `case when ${matches(RE.money)} then try_cast(${t} as decimal(18,2)) end`;
    case 'decimal':
      return `case when ${matches(RE.decimal)} then try_cast(${t} as decimal(10,2)) end`;
    case 'int':
      return `case when ${matches(RE.int)} then try_cast(split_part(${t}, '.', 1) as integer) end`;
  }
}

/** A date as YYYY-MM-DD in the machine's time zone (the date a clerk would call today). */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** YYYY-MM-DD plus whole years (29 February → 1 March). */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** Names of the integer columns certDigitColumns adds for a resident-ID column. */
function certDigitNames(column: Column): { head: string; tail: string } {
  return { head: ident(`__${column.name}_head`), tail: ident(`__${column.name}_tail`) };
}

function defaultExpr(column: Column): string | undefined {
  if (column.default === undefined) return undefined;
  const sqlType = { money: 'decimal(18,2)', decimal: 'decimal(10,2)', int: 'integer', bool: 'boolean' }[column.type as string];
  return sqlType ? `${str(column.default)}::${sqlType}` : str(column.default);
}

const isReversalKind = (kind: Kind) => kind.columns.some((c) => c.name === 'reversal_of');

/** Unicode white space, control and format characters (NBSP, tab, U+200B, U+FEFF, U+3000 …). */
export const INVISIBLE = String.raw`[\s\p{Z}\p{Cc}\p{Cf}]`;

/**
 * `value` without surrounding spaces; for keys, codes, area codes and IDs (`full`) without any
 * surrounding invisible character either — an NBSP must not make a correction a second row. The
 * regular expression runs only on values that need it (an unconditional one costs ~4× the LIKEs).
 */
function trimmed(value: string, full: boolean): string {
  const ascii = `${value} like ' %' or ${value} like '% '`;
  if (!full) return `case when ${ascii} then trim(${value}) else ${value} end`;
  return `case when ${ascii} or regexp_matches(${value}, '^${INVISIBLE}|${INVISIBLE}$') then regexp_replace(${value}, '^${INVISIBLE}+|${INVISIBLE}+$', '', 'g') else ${value} end`;
}

/** The platform's spelling of a value → the contract's, under an alias header (`t` is the trimmed text). */
function translated(alias: HeaderAlias | undefined, t: string): string {
  if (!alias || typeof alias === 'string') return t;
  if (alias.dateOf === 'timestamp') return `regexp_replace(${t}, ${str(String.raw`[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$`)}, '')`;
  if (alias.values) {
    const whens = Object.entries(alias.values).map(([from, to]) => `when ${str(from)} then ${to === null ? 'null' : str(to)}`);
    return `case ${t} ${whens.join(' ')} else ${t} end`;
  }
  return t;
}

const FULL_TRIM: ColumnType[] = ['text', 'code', 'admdvs', 'cert'];

/**
 * The text-reading SELECT list: one trimmed VARCHAR per contract column (NULL when the file lacks
 * an optional column), named by the contract. `source` maps contract column → header position,
 * `alias` the alias a column was found by, `names` are the headers as the SQL reader names them.
 */
export function textColumns(
  kind: Kind,
  { source, alias }: { source: Map<string, number>; alias?: Map<string, HeaderAlias> },
  names: string[],
  castToVarchar: boolean,
): string[] {
  return kind.columns.map((c) => {
    const position = source.get(c.name);
    const header = position === undefined ? undefined : names[position];
    if (header === undefined) return `null::varchar as ${ident(c.name)}`;
    const value = castToVarchar ? `cast(${ident(header)} as varchar)` : ident(header);
    const text = translated(alias?.get(c.name), `nullif(${trimmed(value, FULL_TRIM.includes(c.type))}, '')`);
    return `${c.type === 'cert' ? `upper(${text})` : text} as ${ident(c.name)}`;
  });
}

/**
 * SELECT over `src` (the text columns, named by the contract, plus __line when `withLine`) giving
 * [__line,] every contract column typed under its stored name, __fail: the index of the first
 * broken rule (NULL = row accepted), __key_hash: hash of the key, and for rejected rows only the
 * delivered text as t__<column>. Returns the rule list that __fail indexes.
 */
export function checkSql(
  kind: Kind,
  idKey: Buffer,
  src: string,
  withLine: boolean,
  { loadDate = localDate(new Date()) }: { loadDate?: string } = {},
): { sql: string; rules: RuleDef[] } {
  const rules: RuleDef[] = [];
  const whens: string[] = [];
  const addRule = (column: Column, rule: string, message: string, condition: string, showValue = column.type !== 'cert') => {
    const index = rules.length;
    rules.push({ index, column: column.name, rule, message, showValue });
    whens.push(`when ${condition} then ${index}`);
  };
  const reversal = isReversalKind(kind);

  const parsed: string[] = [];
  const finals: string[] = [];
  const texts: string[] = [];
  for (const c of kind.columns) {
    const t = ident(`t__${c.name}`);
    const v = ident(`v__${c.name}`);
    parsed.push(`${ident(c.name)} as ${t}`, `${parseExpr(c, ident(c.name), idKey)} as ${v}`);
    texts.push(`case when __fail is not null then ${t} end as ${t}`);
    const dflt = defaultExpr(c);
    finals.push(`${dflt ? `coalesce(${v}, ${dflt})` : v} as ${ident(c.name)}`);

    if (c.required) addRule(c, 'required', '必填列为空 / required value missing', `${t} is null`);
    for (const u of c.unusable ?? []) addRule(c, u.rule, u.message, `lower(${t}) in (${u.values.map((x) => str(x.toLowerCase())).join(', ')})`);
    if (c.type === 'cert') {
      addRule(c, FORMAT.cert.rule, FORMAT.cert.message(c), `${t} is not null and not regexp_full_match(${t}, ${str(RE.cert)})`);
      addRule(c, 'cert_checksum', '证件号码校验码错误 (GB 11643) / resident ID check character wrong', `${t} is not null and ${v} is null`);
    } else if (c.type !== 'text') {
      addRule(c, FORMAT[c.type].rule, FORMAT[c.type].message(c), `${t} is not null and ${v} is null`);
    }
    const exempt = reversal ? ' and reversal_of is null' : '';
    if (c.min !== undefined) {
      const negativeMoney = c.type === 'money' && c.min === 0;
      addRule(
        c,
        negativeMoney ? 'negative_amount' : 'below_min',
        negativeMoney
          ? `金额为负；只有冲销行可以为负 / negative amount${reversal ? ' outside a reversal row' : ''}`
          : `不能小于 ${c.min} / must be at least ${c.min}`,
        `${v} < ${c.min}${exempt}`,
      );
    }
    if (c.type === 'money') {
      const max = (c.max ?? MONEY_MAX).toFixed(2);
      addRule(c, 'amount_too_large', `金额的绝对值超过 ${max} 元，基金的合计容纳不下 / amount beyond ${max} yuan`, `abs(${v}) > ${max}`);
    } else if (c.max !== undefined) addRule(c, 'above_max', `不能大于 ${c.max} / must be at most ${c.max}`, `${v} > ${c.max}`);
    if (c.dates) {
      const { earliest, why, yearsAfterLoad } = c.dates;
      addRule(c, 'date_too_early', `早于 ${earliest}（${why}）/ before ${earliest}`, `${v} < date ${str(earliest)}`);
      if (yearsAfterLoad !== undefined) {
        const latest = addYears(loadDate, yearsAfterLoad);
        addRule(
          c,
          'date_too_late',
          `晚于 ${latest}（导入日期 ${loadDate} 之后${yearsAfterLoad}年）/ more than ${yearsAfterLoad} years after the load date`,
          `${v} >= date ${str(latest)} + 1`,
        );
      }
    }
    if (c.notResidentId) {
      // 人员编号 is the insurance's own number; a resident ID here would be stored in clear.
      addRule(
        c,
        'person_no_is_resident_id',
        '人员编号是一个身份证号码：请导出医保的人员编号，身份证号只能放在证件号码列 / person_no holds a resident ID',
        `strlen(${t}) = 18 and regexp_full_match(${t}, ${str(RESIDENT_ID_18)}) and ${certChecksumOk(`try_cast(substr(${t}, 1, 9) as integer)`, `try_cast(substr(${t}, 10, 8) as integer)`, `upper(${t})`)}`,
        false,
      );
    }
  }
  for (const check of kind.checks) {
    const column = kind.columns.find((c) => c.name === check.column);
    if (!column) throw new Error(`contract: check ${check.rule} names unknown column ${check.column}`);
    addRule(column, check.rule, check.message, `not coalesce(${check.sql}, true)`);
  }

  const typed = kind.columns.map((c) => `${ident(c.name)} as ${ident(storedName(c))}`);
  const line = withLine ? '__line, ' : '';
  const keyHash = `hash(${kind.key.map(ident).join(', ')}) as __key_hash`;
  // Resident IDs: their digits as integers, once, before the checksum reads them.
  const digits = kind.columns
    .filter((c) => c.type === 'cert')
    .flatMap((c) => {
      const names = certDigitNames(c);
      const exprs = certDigitColumns(ident(c.name));
      return [`${exprs.head} as ${names.head}`, `${exprs.tail} as ${names.tail}`];
    });
  const source = digits.length ? `(select *, ${digits.join(', ')} from ${src})` : src;
  const sql = `with parsed as (
    select ${line}${parsed.join(',\n        ')}
    from ${source}
),
typed as (
    select *, ${finals.join(',\n        ')}
    from parsed
),
checked as (
    select
        *,
        (case ${whens.join('\n            ')} end)::smallint as __fail
    from typed
)
select
    ${line}${typed.join(',\n    ')},
    __fail,
    ${keyHash},
    ${texts.join(',\n    ')}
from checked`;
  return { sql, rules };
}
