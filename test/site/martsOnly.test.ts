// Every figure has one home: the site's loaders, the monthly report and the public build read mart_
// tables (and policy_/cfg_ for words), never a raw_, stg_ or int_ table. Code only: comments may
// name the tables a mart is built from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SURFACES = ['src', 'src-public', 'data-loaders/report', 'data-loaders/public'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.') || name === 'node_modules') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|mts|js|mjs|md)$/.test(name) ? [path] : [];
  });
}

test('surfaces name no raw_, stg_ or int_ table outside comments', () => {
  const offenders: string[] = [];
  for (const f of SURFACES.flatMap((d) => files(join(ROOT, d)))) {
    const rel = relative(ROOT, f);
    readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*|--|#)/.test(line)) return;
      const code = line.replace(/\/\/.*$/, '');
      const m = /\b(raw|stg|int)_[a-z][a-z_]*/.exec(code);
      if (m && m[0] !== 'int_format') offenders.push(`${rel}:${i + 1}: ${m[0]}`);
    });
  }
  expect(offenders).toEqual([]);
});
