// `ltci refresh`: what `npm run build` runs before the site. The bureau's configured deliveries
// (or, when none are configured, the demo delivery) → ingest → build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import type { Command } from './command.ts';
import { resolveDbPath } from '../db.ts';
import { generateDemo, type DemoScale } from '../demo/index.ts';
import { command as build } from './build.ts';
import { command as ingest } from './ingest.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const CONFIG_FILE = 'ltci.config.json';

/** Delivery folders the bureau configured: --deliveries, else LTCI_DELIVERIES, else ltci.config.json. */
export function configuredDeliveries(option: string | undefined, env = process.env, root = ROOT): string[] {
  const split = (s: string) => s.split(/[,:]/).map((x) => x.trim()).filter(Boolean);
  if (option) return split(option);
  if (env.LTCI_DELIVERIES) return split(env.LTCI_DELIVERIES);
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return [];
  let config: { deliveries?: unknown };
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(config.deliveries) || !config.deliveries.every((d) => typeof d === 'string')) {
    throw new UserError(`${file}: "deliveries" must be a list of folder paths, e.g. {"deliveries": ["/data/ltci/2027-01"]}`);
  }
  return (config.deliveries as string[]).map((d) => resolve(root, d));
}

/** Fingerprint of what the demo depends on: a changed generator, policy or area list makes a new delivery. */
function demoFingerprint(scale: string, seed: number): string {
  const h = createHash('sha256').update(`${scale}:${seed}`);
  const files = [
    ...['data-loaders/demo', 'policies'].flatMap((dir) => readdirSync(join(ROOT, dir)).sort().map((f) => join(dir, f))),
    'config/admdvs.json',
  ];
  for (const f of files) h.update(f).update(readFileSync(join(ROOT, f)));
  return h.digest('hex').slice(0, 16);
}

const demoMarker = (dbPath: string) => `${dbPath}.demo`;

export const command: Command = {
  summary: [
    'Ingest the configured deliveries and build the warehouse; with none configured, build a fresh demo warehouse.',
    `Deliveries: --deliveries DIR[,DIR…], else LTCI_DELIVERIES, else "deliveries" in ${CONFIG_FILE}.`,
    'Demo mode replaces only a warehouse that demo mode made itself (marked by <db>.demo).',
  ].join('\n'),
  usage: 'ltci refresh [--db FILE] [--deliveries DIR[,DIR…]] [--scale tiny|small|city] [--seed N]',
  options: {
    db: { type: 'string' },
    deliveries: { type: 'string' },
    scale: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
  },
  async run({ values }) {
    const dbPath = resolveDbPath(values.db as string | undefined);
    let dirs = configuredDeliveries(values.deliveries as string | undefined);
    if (dirs.length) {
      console.log(`refresh: ${dirs.length} configured deliveries → ${dbPath}`);
    } else {
      const scale = values.scale as DemoScale;
      if (!['tiny', 'small', 'city'].includes(scale)) throw new UserError(`--scale must be tiny, small or city, not "${scale}"`, 1);
      const seed = Number(values.seed);
      if (!Number.isInteger(seed)) throw new UserError(`--seed must be an integer, not "${values.seed}"`, 1);
      if (existsSync(dbPath) && !existsSync(demoMarker(dbPath))) {
        throw new UserError(
          `${dbPath} holds a warehouse that demo mode did not make, and no deliveries are configured. ` +
            `Configure the bureau's deliveries (--deliveries, LTCI_DELIVERIES or ${CONFIG_FILE}) or point --db elsewhere.`,
        );
      }
      const fingerprint = demoFingerprint(scale, seed);
      const out = join(dirname(dbPath), `demo-${scale}-seed${seed}`);
      const stamp = `${out}.fingerprint`;
      if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
        console.log(`refresh: demo delivery ${out} is up to date`);
      } else {
        console.log(`refresh: no deliveries configured — generating the ${scale} demo delivery in ${out}`);
        rmSync(out, { recursive: true, force: true });
        await generateDemo({ out, scale, seed, progress: (line) => console.log(line) });
        writeFileSync(stamp, fingerprint);
      }
      for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true });
      writeFileSync(demoMarker(dbPath), `demo ${scale} seed ${seed}\n`);
      dirs = [out];
    }
    const ingested = await ingest.run({ values: { db: dbPath, encoding: 'auto' }, positionals: dirs });
    if (ingested !== 0) return ingested;
    return build.run({ values: { db: dbPath }, positionals: [] });
  },
};
