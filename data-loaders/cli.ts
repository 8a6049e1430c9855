// `ltci` entry: demo | ingest | build | sql | report | refresh. Each subcommand lives in commands/.
import { parseArgs } from 'node:util';
import type { Command } from './commands/command.ts';
import { removeStaleTempDirs, resolveDbPath } from './db.ts';
import { UserError } from './errors.ts';
import { maskIds } from './ingest/mask.ts';

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  demo: () => import('./commands/demo.ts'),
  ingest: () => import('./commands/ingest.ts'),
  build: () => import('./commands/build.ts'),
  sql: () => import('./commands/sql.ts'),
  report: () => import('./commands/report.ts'),
  refresh: () => import('./commands/refresh.ts'),
};

function helpText(): string {
  return [
    'ltci — 长护险基金数据仓库 (long-term care insurance fund warehouse)',
    '',
    'Usage: ltci <command> [options]   (ltci <command> --help for details)',
    '',
    '  demo      write a synthetic delivery for the seed cities',
    '  ingest    load delivery folders into the warehouse',
    '  build     run the SQL models and data tests',
    '  sql       run a read-only query',
    '  report    write the monthly report (PDF + XLSX)',
    '  refresh   demo-or-configured deliveries → ingest → build (what npm run build uses)',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`ltci: unknown command "${name}"\n\n${helpText()}`);
    return 1;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    // What a killed ingest left in the warehouse's temporary folder (copies with IDs in clear) goes first.
    removeStaleTempDirs(resolveDbPath(typeof values.db === 'string' ? values.db : undefined));
    return await command.run({ values: values as Record<string, string | boolean | string[] | undefined>, positionals });
  } catch (err) {
    // No message shows a resident ID, whatever quoted it (DuckDB quotes the line it could not read).
    if (err instanceof UserError) {
      console.error(`ltci ${name}: ${maskIds(err.message)}`);
      return err.exitCode;
    }
    if (err instanceof Error) {
      err.message = maskIds(err.message);
      if (err.stack) err.stack = maskIds(err.stack);
    }
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`ltci ${name}: ${err.message}\n\nUsage: ${command.usage}`);
      return 1;
    }
    throw err;
  }
}
