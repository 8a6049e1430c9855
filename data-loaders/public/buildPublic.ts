// `npm run build:public`: the public disclosure site (observablehq.public.config.js) → dist-public/
// (LTCI_PUBLIC_OUT overrides). Like the main site's build:
//  offline Framework build (data-loaders/site/framework.ts), then fail unless the output holds
//  only the published pages, tables and columns (checkPublicOutput, published.ts).
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildFramework, REPO } from '../site/framework.ts';
import { checkPublicOutput } from './checkPublicOutput.ts';

const out = resolve(REPO, process.env.LTCI_PUBLIC_OUT ?? 'dist-public');
try {
  const files = await buildFramework({
    root: join(REPO, 'src-public'),
    config: 'observablehq.public.config.js',
    out,
    outEnv: 'LTCI_PUBLIC_OUT',
    clear: ['data', 'data.tar'],
    // Checked before it goes live: a build that fails the check leaves the published folder as it was.
    finish(_, dir) {
      const problems = checkPublicOutput(dir);
      if (problems.length) throw new Error(`the build must not be published:\n  ${problems.join('\n  ')}`);
    },
  });
  const pages = files.filter((f) => f.endsWith('.html')).length;
  console.log(`build:public: ${pages} pages in ${relative(REPO, out) || '.'}, lang=zh-CN, no external hosts, only the published tables and columns`);
} catch (err) {
  console.error(`build:public: ${(err as Error).message}${existsSync(out) ? `\n${relative(REPO, out) || out} is unchanged` : ''}`);
  process.exit(1);
}
