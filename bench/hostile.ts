import { runCorpusInChild } from "../test/hostile/child";
import { verdict } from "./measure";

/**
 * Runs the hostile corpus (test/fixtures/hostile) once and reports its slowest case and the case
 * whose peak memory grew most, against the targets: every case refused in under 2 s and 300 MiB.
 * `progress` hears how far it got.
 */
export async function benchHostileCorpus(progress: (line: string) => void): Promise<string> {
  let done = 0;
  const { outcomes, status, stderr } = await runCorpusInChild([], ({ name }) => {
    done++;
    if (done % 25 === 0) progress(`hostile corpus: ${done} cases run (last: ${name})`);
  });
  if (outcomes.length === 0) return `hostile corpus: did not run (exit ${status}): ${stderr.trim()}`;
  const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
  const hungriest = outcomes.reduce((a, b) => (b.growthMiB > a.growthMiB ? b : a));
  const total = outcomes.reduce((sum, o) => sum + o.ms, 0);
  return [
    `hostile corpus: ${outcomes.length} cases in ${(total / 1000).toFixed(1)} s`,
    `slowest case ${slowest.name}: ${Math.round(slowest.ms)} ms (${verdict(slowest.ms < 2000)}: 2,000 ms)`,
    `peak memory grew most in ${hungriest.name}: ${Math.round(hungriest.growthMiB)} MiB (${verdict(hungriest.growthMiB < 300)}: 300 MiB)`,
  ].join("\n");
}
