// Preloaded into a bench step's Node process when GNU time is not installed: prints the process's
// peak resident set size (kilobytes) and CPU time (microseconds) to stderr as it exits, for
// bench/measure.ts to read.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n__peak_rss_kb ${u.maxRSS} cpu_us ${u.userCPUTime + u.systemCPUTime}\n`);
});
