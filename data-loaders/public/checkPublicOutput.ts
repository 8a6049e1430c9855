// What a public build may hold, checked by structure (published.ts): only the published pages; under
// _file/ only the published tables (data/<name>.json and .csv) and meta.json; each table with
// exactly its published columns, none of them person-level, and its CSV twin with the same header;
// no database or archive file; no host outside the intranet named anywhere. Words in the data —
// an institution named like an internal table — play no part. (The tests also look for every
// actual person number, certificate hash and settlement id of the warehouse in every file.)
import { readFileSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { FORBIDDEN_HOSTS, walkFiles } from '../site/framework.ts';
import { META_KEYS, PERSON_LEVEL_COLUMNS, PUBLISHED_PAGES, PUBLISHED_TABLES } from './published.ts';

export { walkFiles };

const DATA_FILE = /^data\/([a-z0-9-]+)\.[0-9a-f]{8}\.(json|csv)$/;

/** The first line of a CSV file, split into fields (RFC 4180 quotes). */
function csvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  return [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replaceAll('""', '"')).slice(0, -1);
}

/** One line per problem: the file, and what is wrong with it. */
export function checkPublicOutput(dir: string): string[] {
  const problems: string[] = [];
  const labels = new Map<string, string[]>();
  const csvs: [string, string, string[]][] = [];
  for (const f of walkFiles(dir)) {
    const rel = relative(dir, f).split(sep).join('/');
    if (/\.(html|js|css|json|csv|txt|md)$/.test(f)) {
      const host = FORBIDDEN_HOSTS.exec(readFileSync(f, 'utf8'));
      if (host) problems.push(`${rel}: names the host ${host[0]}`);
    }
    if (/\.(duckdb|db|sqlite3?|parquet|arrow|feather|xlsx?|zip|tar|gz|key)$/i.test(f)) problems.push(`${rel}: a data file of a kind the public site never publishes`);
    if (rel.endsWith('.html') && !rel.includes('/') && !(PUBLISHED_PAGES as readonly string[]).includes(basename(rel, '.html'))) {
      problems.push(`${rel}: a page that is not published (published.ts)`);
    }
    if (!rel.startsWith('_file/')) continue;
    const m = DATA_FILE.exec(rel.slice('_file/'.length));
    if (!m) {
      problems.push(`${rel}: a file that is no published table`);
      continue;
    }
    const [, name, ext] = m;
    if (name === 'meta' && ext === 'json') {
      const extra = Object.keys(JSON.parse(readFileSync(f, 'utf8'))).filter((k) => !(META_KEYS as readonly string[]).includes(k));
      if (extra.length) problems.push(`${rel}: meta keys not published: ${extra.join(', ')}`);
      continue;
    }
    const allowed = PUBLISHED_TABLES[name];
    if (!allowed) {
      problems.push(`${rel}: the table ${name} is not published (published.ts)`);
      continue;
    }
    if (ext === 'csv') {
      csvs.push([rel, name, csvHeader(readFileSync(f, 'utf8'))]);
      continue;
    }
    const t = JSON.parse(readFileSync(f, 'utf8')) as { name?: string; columns?: { key: string; label: string }[]; rows?: Record<string, unknown>[] };
    const keys = (t.columns ?? []).map((c) => c.key);
    const person = [...keys, ...(t.rows ?? []).flatMap((r) => Object.keys(r))].filter((k) => PERSON_LEVEL_COLUMNS.test(k));
    if (person.length) problems.push(`${rel}: person-level columns ${[...new Set(person)].join(', ')}`);
    const extra = keys.filter((k) => !allowed.includes(k));
    const missing = allowed.filter((k) => !keys.includes(k));
    if (t.name !== name || extra.length || missing.length) {
      problems.push(`${rel}: columns differ from the published ones${extra.length ? `; not published: ${extra.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
    }
    const stray = [...new Set((t.rows ?? []).flatMap((r) => Object.keys(r)).filter((k) => !keys.includes(k)))];
    if (stray.length) problems.push(`${rel}: rows carry fields no column declares: ${stray.join(', ')}`);
    labels.set(name, (t.columns ?? []).map((c) => c.label));
  }
  for (const [rel, name, header] of csvs) {
    const expected = labels.get(name);
    if (!expected) problems.push(`${rel}: a CSV with no JSON twin`);
    else if (header.join('|') !== expected.join('|')) problems.push(`${rel}: header ${header.join(',')} differs from the table's columns ${expected.join(',')}`);
  }
  return problems;
}
