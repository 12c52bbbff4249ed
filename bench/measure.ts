import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../test/support/project";

export interface Measurement {
  readonly label: string;
  /** Median wall time in seconds. */
  readonly seconds: number;
  /** Median CPU time (user and system) of every node process of the command together, in seconds. */
  readonly cpuSeconds: number;
  /** Largest peak RSS of any node process the command started, in MiB. */
  readonly peakMiB: number;
}

/** One run of a command: its wall time, and what the probe saw of its node processes. */
interface Sample {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakKiB: number;
}

/** A command as the benchmark runs it: what to start, with which arguments, in which directory. */
export interface Command {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
}

const PROBE = join(__dirname, "process-probe.cjs");

/** How a figure compares with its target, in the report's words. */
export const verdict = (ok: boolean) => (ok ? "within target" : "OVER TARGET");

const progress = (line: string) => void process.stderr.write(`bench: ${line}\n`);

/** Runs `command` once in `cwd`, with the probe in every node process it starts; a failure throws. */
function sample({ label, command, args }: Command, cwd: string): Sample {
  const probeFile = join(tempDir("bench-probe-"), "probe");
  const start = performance.now();
  const run = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      CI: "1",
      BENCH_PROBE_FILE: probeFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${PROBE}`.trim(),
    },
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0)
    throw new Error(`${label} failed (exit ${run.status}):\n${run.stderr}${failures(run.stdout)}`);
  const processes = readFileSync(probeFile, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(" ").map(Number));
  return {
    seconds,
    cpuSeconds: processes.reduce((sum, [, cpu = 0]) => sum + cpu, 0) / 1e6,
    peakKiB: Math.max(...processes.map(([rss = 0]) => rss)),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function summary(label: string, samples: readonly Sample[]): Measurement {
  return {
    label,
    seconds: median(samples.map((s) => s.seconds)),
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    peakMiB: Math.max(...samples.map((s) => s.peakKiB)) / 1024,
  };
}

const shown = (m: Measurement) =>
  `${m.seconds.toFixed(2)} s, ${m.cpuSeconds.toFixed(2)} s CPU, ${m.peakMiB.toFixed(0)} MiB`;

/** Runs a command `runs` times and reports the median wall and CPU time and the worst peak RSS. */
export function measure(label: string, command: string, args: string[], cwd: string, runs = 3): Measurement {
  progress(`${label} (${runs} run${runs === 1 ? "" : "s"})`);
  const measured = summary(
    label,
    Array.from({ length: runs }, () => sample({ label, command, args }, cwd)),
  );
  progress(`  ${shown(measured)}`);
  return measured;
}

/** The same command run in this checkout and in a baseline, and how they compare run by run. */
export interface Comparison {
  /** How many pairs were counted. */
  readonly pairs: number;
  readonly ours: Measurement;
  readonly theirs: Measurement;
  /** Median over the pairs of our CPU time divided by the baseline's (1.10 = 10% slower). */
  readonly cpuRatio: number;
  /** The same for wall time. */
  readonly wallRatio: number;
}

/**
 * Runs `command` in `ours` and in `theirs` in turn, A B A B …, after `warmups` uncounted runs of
 * each (the first builds a checkout's bundle, the second its code cache), and compares them pair
 * by pair: a machine whose speed drifts slows both sides of a pair alike, so the ratio holds where
 * two separate runs' figures would not.
 */
export function comparePaired(
  command: Command,
  ours: string,
  theirs: string,
  { runs = 7, warmups = 2 } = {},
): Comparison {
  progress(`${command.label}: this checkout and the baseline in turn (${runs} pairs)`);
  for (let i = 0; i < warmups; i++) {
    sample(command, ours);
    sample(command, theirs);
  }
  const pairs = Array.from({ length: runs }, () => [sample(command, ours), sample(command, theirs)] as const);
  const comparison = {
    pairs: runs,
    ours: summary(
      command.label,
      pairs.map(([a]) => a),
    ),
    theirs: summary(
      command.label,
      pairs.map(([, b]) => b),
    ),
    cpuRatio: median(pairs.map(([a, b]) => a.cpuSeconds / b.cpuSeconds)),
    wallRatio: median(pairs.map(([a, b]) => a.seconds / b.seconds)),
  };
  progress(`  ${shown(comparison.ours)}; baseline ${shown(comparison.theirs)}`);
  return comparison;
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
  console.log(`${"".padEnd(width)}  ${"wall".padStart(7)}    ${"CPU".padStart(7)}    ${"peak".padStart(6)}`);
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(width)}  ${r.seconds.toFixed(2).padStart(7)} s  ${r.cpuSeconds.toFixed(2).padStart(7)} s  ${r.peakMiB.toFixed(0).padStart(6)} MiB`,
    );
  }
}
