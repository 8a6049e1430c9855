// `npm run build:public`: the public disclosure site (observablehq.public.config.js) → dist-public/
// (LTCI_PUBLIC_OUT overrides). Like the main site's build:
//  offline Framework build (data-loaders/site/framework.ts), then fail if anything internal
//  is named in the output (checkPublicOutput).
import { join, relative, resolve } from 'node:path';
import { buildFramework, REPO } from '../site/framework.ts';
import { checkPublicOutput } from './checkPublicOutput.ts';

const out = resolve(REPO, process.env.LTCI_PUBLIC_OUT ?? 'dist-public');
try {
  const files = await buildFramework({
    root: join(REPO, 'src-public'),
    config: 'observablehq.public.config.js',
    out,
    env: { LTCI_PUBLIC_OUT: out },
    clear: ['data', 'data.tar'],
  });
  const problems = checkPublicOutput(out);
  if (problems.length) {
    console.error(`build:public: ${relative(REPO, out)} must not be published:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  const pages = files.filter((f) => f.endsWith('.html')).length;
  console.log(`build:public: ${pages} pages in ${relative(REPO, out) || '.'}, lang=zh-CN, no external hosts, no internal names`);
} catch (err) {
  console.error(`build:public: ${(err as Error).message}`);
  process.exit(1);
}
