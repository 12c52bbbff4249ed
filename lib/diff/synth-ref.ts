import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../cli";
import { readSynthOutput } from "./compare";
import type { SynthOutput } from "./model";

export interface SynthesizeRefOptions {
  /** Any directory inside the repository. @default the current directory */
  readonly cwd?: string;
  /** Environment of the synthesis, e.g. the same INFRA_BACKEND as the head. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Synthesizes `ref` in a temporary detached git worktree with that ref's own code and data, and
 * reads the result. A ref without `main.ts` or without stacks yields an empty output, so everything
 * in the head shows as added. The worktree is removed afterwards, also when synthesis fails.
 */
export function withSynthesizedRef(ref: string, options: SynthesizeRefOptions = {}): SynthOutput {
  const cwd = options.cwd ?? process.cwd();
  const top = git(cwd, ["rev-parse", "--show-toplevel"], "--base-ref needs a git repository").trim();
  const commit = git(
    top,
    ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`],
    `unknown git ref "${ref}"`,
  ).trim();

  const scratch = mkdtempSync(join(tmpdir(), "void-infra-base-"));
  const worktree = join(scratch, "base");
  git(top, ["worktree", "add", "--detach", "--quiet", worktree, commit], `cannot check out ${ref}`);
  const modules = join(worktree, "node_modules");
  try {
    if (!existsSync(join(worktree, "main.ts"))) return new Map();
    if (existsSync(join(top, "node_modules")) && !existsSync(modules))
      symlinkSync(join(top, "node_modules"), modules);
    const outdir = join(worktree, "cdktf.out");
    const run = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], {
      cwd: worktree,
      encoding: "utf8",
      env: { ...(options.env ?? process.env), CDKTF_OUTDIR: outdir },
    });
    if (run.status !== 0)
      throw new UsageError(
        `synthesizing ${ref} (${commit.slice(0, 12)}) failed:\n${(run.stderr || run.stdout || String(run.error)).trim()}`,
      );
    return readSynthOutput(outdir);
  } finally {
    // Unlink first so removing the worktree can never follow the link into the real node_modules.
    if (existsSync(modules)) unlinkSync(modules);
    spawnSync("git", ["worktree", "remove", "--force", worktree], { cwd: top });
    rmSync(scratch, { recursive: true, force: true });
    spawnSync("git", ["worktree", "prune"], { cwd: top });
  }
}

function git(cwd: string, args: readonly string[], failure: string): string {
  const run = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (run.status !== 0) throw new UsageError(`${failure}${run.stderr ? `: ${run.stderr.trim()}` : ""}`);
  return run.stdout;
}
