import { runCorpusInChild } from "../test/hostile/child";

/** Runs the hostile corpus (test/fixtures/hostile) once and reports its worst time and memory. */
export function benchHostileCorpus(): string {
  const { outcomes } = runCorpusInChild();
  const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
  const hungriest = outcomes.reduce((a, b) => (b.growthMiB > a.growthMiB ? b : a));
  const total = outcomes.reduce((sum, o) => sum + o.ms, 0);
  return [
    `hostile corpus: ${outcomes.length} cases in ${(total / 1000).toFixed(1)} s`,
    `worst time ${Math.round(slowest.ms)} ms (${slowest.name})`,
    `worst peak-memory growth ${Math.round(hungriest.growthMiB)} MiB (${hungriest.name})`,
  ].join("; ");
}
