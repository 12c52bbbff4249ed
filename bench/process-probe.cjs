// Preloaded into every node process of a benchmarked command (through NODE_OPTIONS): appends the
// process's peak resident set size in KiB and the CPU time it used in microseconds (user and
// system) to the file named by BENCH_PROBE_FILE when it exits. A process that may not write there
// (a test running a command as another user) goes unmeasured: the probe never changes how what it
// measures ends.
const { appendFileSync } = require("node:fs");
const file = process.env.BENCH_PROBE_FILE;
if (file)
  process.on("exit", () => {
    try {
      const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
      appendFileSync(file, `${maxRSS} ${userCPUTime + systemCPUTime}\n`);
    } catch {
      // unmeasured
    }
  });
