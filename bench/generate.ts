// Child process of the bench: one demo delivery through generateDemo (the `ltci demo` code), with
// the population factor and the years the CLI does not expose.
// Usage: node --import tsx bench/generate.ts <out> <scale> <seed> <end|-> <factor|-> [years]
import { generateDemo, type DemoScale } from '../data-loaders/demo/index.ts';

const [out, scale, seed, end, factor, years = '1'] = process.argv.slice(2);
await generateDemo({
  out,
  scale: scale as DemoScale,
  seed: Number(seed),
  end: end === '-' ? undefined : end,
  factor: factor === '-' ? undefined : Number(factor),
  years: Number(years),
  progress: (line) => console.log(line),
});
