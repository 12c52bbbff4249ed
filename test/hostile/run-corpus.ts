/**
 * Runs every case of the hostile corpus in this process, one after the other, and prints one JSON
 * line per case with its exit status, standard error, time and how much the process's peak memory
 * grew. The test and the benchmark start it in a child process with a capped heap, so a case that
 * explodes kills the child instead of the machine.
 */
import type { CaseOutcome } from "./child";
import { corpusCases, runCase } from "./corpus";

async function main(names: readonly string[]): Promise<void> {
  for (const name of names) {
    const { result, project, differences, ms, growthMiB } = await runCase(name);
    const stderr = result.stderr.replaceAll(project, "<project>");
    const outcome: CaseOutcome = { name, status: result.status, stderr, differences, ms, growthMiB };
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
  }
}

const only = process.argv.slice(2);
void main(only.length > 0 ? only : corpusCases());
