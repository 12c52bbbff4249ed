/**
 * The hostile corpus run in one child process (test/hostile/run-corpus.ts), as the test and the
 * benchmark run it: its heap cap turns a runaway case into a failed run instead of a dead machine.
 * This module loads none of the commands itself.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../support/project";

/** One case as run-corpus.ts prints it: exit status, standard error, time and peak-memory growth. */
export interface CaseOutcome {
  readonly name: string;
  readonly status: number;
  readonly stderr: string;
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

/** Runs every case of the corpus in one child with a 1 GiB heap, killed after 3 minutes. */
export function runCorpusInChild(): CorpusRun {
  const child = spawnSync(
    process.execPath,
    ["--max-old-space-size=1024", "--import", "tsx", join(__dirname, "run-corpus.ts")],
    {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 180_000,
      killSignal: "SIGKILL",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const outcomes = child.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as CaseOutcome);
  return { status: child.status, error: child.error, stderr: child.stderr, outcomes };
}
