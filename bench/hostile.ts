import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./project";

interface Outcome {
  readonly name: string;
  readonly ms: number;
  readonly growthMiB: number;
}

/** Runs the hostile corpus (test/fixtures/hostile) once and reports its worst time and memory. */
export function benchHostileCorpus(): string {
  const child = spawnSync(
    process.execPath,
    ["--max-old-space-size=1024", "--import", "tsx", join(REPO_ROOT, "test", "hostile", "run-corpus.ts")],
    { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const outcomes = child.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Outcome);
  const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
  const hungriest = outcomes.reduce((a, b) => (b.growthMiB > a.growthMiB ? b : a));
  const total = outcomes.reduce((sum, o) => sum + o.ms, 0);
  return [
    `hostile corpus: ${outcomes.length} cases in ${(total / 1000).toFixed(1)} s`,
    `worst time ${Math.round(slowest.ms)} ms (${slowest.name})`,
    `worst peak-memory growth ${Math.round(hungriest.growthMiB)} MiB (${hungriest.name})`,
  ].join("; ");
}
