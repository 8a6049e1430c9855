// What must never appear in the public site's output: hosts outside the intranet, and names of
// internal tables or person-level columns. (The tests also look for the warehouse's actual person
// numbers, certificate hashes and settlement ids.)
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { FORBIDDEN_HOSTS, walkFiles } from '../site/framework.ts';

export { walkFiles };

/** Internal table names and person-level column names. */
export const FORBIDDEN_NAMES = /\b(?:raw|stg|int|mart|cfg)_[a-z]+(?:_[a-z]+)*\b|\bload_(?:report|rejects)\b|\b(?:person_no|cert_no|cert_hash|settlement_id|assessment_id|reversal_of)\b/;

/** One line per problem: the file, and what it names. */
export function checkPublicOutput(dir: string): string[] {
  const problems: string[] = [];
  for (const f of walkFiles(dir)) {
    if (!/\.(html|js|css|json|csv|txt|md)$/.test(f)) continue;
    const text = readFileSync(f, 'utf8');
    const host = FORBIDDEN_HOSTS.exec(text);
    if (host) problems.push(`${relative(dir, f)}: names the host ${host[0]}`);
    const name = FORBIDDEN_NAMES.exec(text);
    if (name) problems.push(`${relative(dir, f)}: names ${name[0]}`);
  }
  return problems;
}
