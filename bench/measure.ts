// measureChild: run one bench step as a child process and return its wall time, CPU time and peak
// RSS. CPU and peak RSS come from GNU time (`/usr/bin/time -f '%M %U %S'`) when it is installed;
// otherwise bench/reportRss.mjs is preloaded into the child's Node process and prints
// `process.resourceUsage()` as it exits (every step is one Node process, so the two agree).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..');
const GNU_TIME = '/usr/bin/time';

export interface ChildRun {
  seconds: number;
  /** Peak resident set size of the child, MB (null when it could not be read). */
  peakRssMb: number | null;
  /**
   * User + system CPU seconds of the child, all threads (null when they could not be read): on a
   * shared machine they move much less than the wall time.
   */
  cpuSeconds: number | null;
  code: number;
  stdout: string;
  stderr: string;
}

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  /** Called with each line the child writes to stdout or stderr (progress). */
  onLine?: (line: string) => void;
  /** Throw when the child exits non-zero (default true). */
  check?: boolean;
  label?: string;
}

/** `node <args>` with tsx loaded, so TypeScript runs without a build step. */
export function nodeTs(args: string[]): string[] {
  return [process.execPath, '--import', 'tsx', ...args];
}

export async function measureChild(argv: string[], opts: ChildOptions = {}): Promise<ChildRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'ltci-bench-rss-'));
  const rssFile = join(scratch, 'rss');
  const useTime = existsSync(GNU_TIME);
  const preload = argv[0] === process.execPath ? [argv[0], '--import', join(import.meta.dirname, 'reportRss.mjs'), ...argv.slice(1)] : argv;
  const [cmd, ...args] = useTime ? [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, ...argv] : preload;
  const env = { ...process.env, ...opts.env };
  const t0 = performance.now();
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(cmd, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: string[] = [];
      const err: string[] = [];
      const lines = (sink: string[]) => {
        let rest = '';
        return (chunk: Buffer) => {
          const text = chunk.toString('utf8');
          sink.push(text);
          if (!opts.onLine) return;
          const parts = (rest + text).split('\n');
          rest = parts.pop() ?? '';
          for (const p of parts) opts.onLine(p);
        };
      };
      child.stdout.on('data', lines(out));
      child.stderr.on('data', lines(err));
      child.on('error', fail);
      child.on('close', (c, signal) => done({ code: c ?? (signal ? 128 : 1), stdout: out.join(''), stderr: err.join('') }));
    });
    const seconds = (performance.now() - t0) / 1000;
    let peakRssMb: number | null = null;
    let cpuSeconds: number | null = null;
    if (useTime && existsSync(rssFile)) {
      // GNU time writes "Command exited with non-zero status N" before the figures on failure.
      const [kb, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
      if (Number.isFinite(kb) && kb > 0) peakRssMb = kb / 1024;
      if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = user + sys;
    } else {
      const m = /^__peak_rss_kb (\d+) cpu_us (\d+)$/m.exec(stderr);
      if (m) [peakRssMb, cpuSeconds] = [Number(m[1]) / 1024, Number(m[2]) / 1e6];
    }
    if (code !== 0 && opts.check !== false) {
      const tail = (stderr || stdout).trim().split('\n').slice(-15).join('\n');
      throw new Error(`bench step ${opts.label ?? argv.join(' ')} failed (exit ${code}):\n${tail}`);
    }
    return { seconds, peakRssMb, cpuSeconds, code, stdout, stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
