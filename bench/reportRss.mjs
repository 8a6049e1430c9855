// Preloaded into a bench step's Node process when GNU time is not installed: prints the process's
// peak resident set size (kilobytes) to stderr as it exits, for bench/measure.ts to read.
process.on('exit', () => {
  process.stderr.write(`\n__peak_rss_kb ${process.resourceUsage().maxRSS}\n`);
});
