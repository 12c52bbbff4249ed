import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git } from "./git";
import { scratchProject } from "./project";

/** A repository whose main holds the adoption data and some code (`cli/run.ts`), checked out on main. */
export function mainRepository(): string {
  const dir = scratchProject();
  mkdirSync(join(dir, "cli"));
  writeFileSync(join(dir, "cli", "run.ts"), "// main's code\n");
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", ".");
  git(dir, "commit", "--quiet", "-m", "main");
  return dir;
}

let branches = 0;

/**
 * A pull request branched from main: `change` edits the working tree, which becomes its one commit.
 * The checkout is left on main, as plan-pr.yml leaves it before `pr-data` runs. In a new
 * repository unless `dir` names one (whose working tree must be main's, unchanged).
 */
export function pullRequest(
  change: (dir: string) => void,
  dir = mainRepository(),
): { dir: string; head: string } {
  git(dir, "checkout", "--quiet", "-b", `pr-${++branches}`, "main");
  change(dir);
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "--allow-empty", "-m", "pr");
  const head = git(dir, "rev-parse", "HEAD");
  git(dir, "checkout", "--quiet", "main");
  return { dir, head };
}
