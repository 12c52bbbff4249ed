// Preloaded into every node process of a benchmarked command (through NODE_OPTIONS): appends the
// process's peak resident set size in KiB to the file named by BENCH_RSS_FILE when it exits.
const { appendFileSync } = require("node:fs");
const file = process.env.BENCH_RSS_FILE;
if (file) process.on("exit", () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
