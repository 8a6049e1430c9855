#!/usr/bin/env node
// `ltci` entry: runs the TypeScript CLI through tsx, so no compile step is needed after npm install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../data-loaders/cli.ts');
process.exitCode = await main(process.argv.slice(2));
