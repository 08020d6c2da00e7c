// Preloaded by the benchmark into each measured process: reports its peak resident memory on exit.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
