import { spawnSync } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { checkInterrupted, UsageError } from "../../runtime/errors";
import { exportTree, type GitRef } from "../../runtime/git";
import { withScratchDir } from "../../runtime/scratch";
import type { SynthOutput } from "./model";
import { readSynthOutput } from "./read";

interface SynthesizeRefOptions {
  /** Any directory inside the repository; its `node_modules` serves the ref's synthesis. */
  readonly cwd: string;
  /** Environment of the synthesis, e.g. the same INFRA_BACKEND as the head. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Synthesizes `ref` with that ref's own code and data, exported with `git archive` into a
 * temporary directory (no worktree is registered, so nothing is left in `.git` even if the process
 * is killed), and reads the result. A ref without `main.ts` yields an empty output, so everything
 * in the head shows as added. The directory is removed afterwards, also when synthesis fails or
 * the process is interrupted.
 */
export function synthesizeRef(ref: GitRef, { cwd, env }: SynthesizeRefOptions): SynthOutput {
  const { name, commit } = ref;
  return withScratchDir("void-infra-base-", (scratch) => {
    const tree = join(scratch, "tree");
    exportTree(ref, cwd, scratch, tree);
    if (!existsSync(join(tree, "main.ts"))) return { stacks: new Map(), artifacts: new Map() };

    if (existsSync(join(cwd, "node_modules")) && !existsSync(join(tree, "node_modules")))
      symlinkSync(join(cwd, "node_modules"), join(tree, "node_modules"));
    const outdir = join(scratch, "cdktf.out");
    // The ref's own entry point: its launcher where it has one, else its TypeScript through tsx.
    const launcher = join(tree, "cli", "launch.cjs");
    const args = existsSync(launcher) ? [launcher, "synth"] : ["--import", "tsx", "main.ts"];
    const run = spawnSync(process.execPath, args, {
      cwd: tree,
      encoding: "utf8",
      env: { ...env, CDKTF_OUTDIR: outdir },
    });
    checkInterrupted(run);
    if (run.status !== 0)
      throw new UsageError(
        `synthesizing ${name} (${commit.slice(0, 12)}) failed:\n${(run.stderr || run.stdout || String(run.error)).trim()}`,
      );
    return readSynthOutput(outdir);
  });
}
