/**
 * The hostile corpus run in one child process (test/hostile/run-corpus.ts), as the test and the
 * benchmark run it: its heap cap turns a runaway case into a failed run instead of a dead machine.
 * This module loads none of the commands itself.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { REPO_ROOT } from "../support/project";

/**
 * One case as run-corpus.ts prints it: exit status, standard error, how the project differs from
 * what the case expects afterwards, and, for npm run bench, time and peak-memory growth.
 */
export interface CaseOutcome {
  readonly name: string;
  readonly status: number;
  readonly stderr: string;
  readonly differences: readonly string[];
  readonly ms: number;
  readonly growthMiB: number;
}

export interface CorpusRun {
  /** The child's exit status; null when it was killed. */
  readonly status: number | null;
  readonly error?: Error;
  readonly stderr: string;
  /** Every case that ran to its end, in order. */
  readonly outcomes: readonly CaseOutcome[];
}

/**
 * Processor seconds the corpus may take: some thirty times what it needs (about 20 s), so only a
 * case that loops forever reaches it; a busy machine stretches the wall time, never this.
 */
const CPU_SECONDS = 600;

/**
 * Runs every case of the corpus (or those named) in one child with a 1 GiB heap and a bound on
 * processor time; `onCase` sees each case as it ends.
 */
export async function runCorpusInChild(
  names: readonly string[] = [],
  onCase: (outcome: CaseOutcome) => void = () => undefined,
): Promise<CorpusRun> {
  // `ulimit -t` ends the child with SIGXCPU at the bound, however long a busy machine makes it wait.
  const child = spawn(
    "sh",
    [
      "-c",
      `ulimit -t ${CPU_SECONDS} && exec "$0" "$@"`,
      process.execPath,
      "--max-old-space-size=1024",
      "--import",
      "tsx",
      join(__dirname, "run-corpus.ts"),
      ...names,
    ],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const outcomes: CaseOutcome[] = [];
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (!line.startsWith("{")) return;
    const outcome = JSON.parse(line) as CaseOutcome;
    outcomes.push(outcome);
    onCase(outcome);
  });
  return new Promise((resolve) =>
    child.on("close", (status, signal) =>
      resolve({ status, error: signal ? new Error(`ended by ${signal}`) : undefined, stderr, outcomes }),
    ),
  );
}
