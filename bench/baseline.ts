import { realpathSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { exportTree, type GitRef, resolveRef } from "../runtime/git";
import { REPO_ROOT, tempDir } from "../test/support/project";

/** What a plain `npm run bench` compares this checkout with: the previous commit. */
export const DEFAULT_BASELINE = "HEAD~1";

/**
 * The project at `ref`, its code and its data, exported with `git archive` into a temporary
 * directory (removed at exit) with this checkout's node_modules linked in: the baseline whose
 * validate and synth this checkout's are timed against. An unknown ref is a UsageError.
 */
export function exportBaseline(ref: string): { readonly dir: string; readonly ref: GitRef } {
  const resolved = resolveRef(ref, REPO_ROOT);
  const scratch = tempDir("bench-baseline-");
  const dir = join(scratch, "tree");
  exportTree(resolved, REPO_ROOT, scratch, dir);
  symlinkSync(realpathSync(join(REPO_ROOT, "node_modules")), join(dir, "node_modules"));
  return { dir, ref: resolved };
}
