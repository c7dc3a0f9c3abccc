// Preloaded (`node --require`) into a CLI or server child: on exit, writes its peak resident set
// size to stderr, so a test can bound the memory of a real process, not of the test runner.
process.on('exit', () => {
  process.stderr.write(`\nmax-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
