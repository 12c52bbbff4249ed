import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../test/support/project";

export interface Measurement {
  readonly label: string;
  /** Median wall time in seconds. */
  readonly seconds: number;
  /** Largest peak RSS of any node process the command started, in MiB. */
  readonly peakMiB: number;
}

const PROBE = join(__dirname, "rss-probe.cjs");

/** Runs a command `runs` times and reports the median wall time and the worst peak RSS. */
export function measure(label: string, command: string, args: string[], cwd: string, runs = 3): Measurement {
  process.stderr.write(`bench: ${label} (${runs} run${runs === 1 ? "" : "s"})\n`);
  const times: number[] = [];
  let peakKiB = 0;
  for (let i = 0; i < runs; i++) {
    const rssFile = join(tempDir("bench-rss-"), "rss");
    const start = performance.now();
    const run = spawnSync(command, args, {
      cwd,
      encoding: "utf8",
      env: {
        ...process.env,
        CHECKPOINT_DISABLE: "1",
        CI: "1",
        BENCH_RSS_FILE: rssFile,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${PROBE}`.trim(),
      },
    });
    times.push((performance.now() - start) / 1000);
    if (run.status !== 0)
      throw new Error(`${label} failed (exit ${run.status}):\n${run.stderr}${failures(run.stdout)}`);
    const peaks = readFileSync(rssFile, "utf8").trim().split("\n").map(Number);
    peakKiB = Math.max(peakKiB, ...peaks);
  }
  times.sort((a, b) => a - b);
  const measured = { label, seconds: times[Math.floor(times.length / 2)], peakMiB: peakKiB / 1024 };
  process.stderr.write(`bench:   ${measured.seconds.toFixed(2)} s, ${measured.peakMiB.toFixed(0)} MiB\n`);
  return measured;
}

/** The failed tests of a TAP report, each with its error, or the report's last lines. */
function failures(tap: string): string {
  const lines = tap.split("\n");
  const failed = lines.flatMap((line, i) =>
    /^\s*not ok /.test(line)
      ? [line, ...lines.slice(i + 1, i + 12).filter((l) => /error:|^\s+[+-] /.test(l))]
      : [],
  );
  return (failed.length > 0 ? failed : lines.slice(-20)).join("\n");
}

export function printTable(rows: readonly Measurement[]): void {
  const width = Math.max(...rows.map((r) => r.label.length));
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(width)}  ${r.seconds.toFixed(2).padStart(7)} s  ${r.peakMiB.toFixed(0).padStart(6)} MiB`,
    );
  }
}
