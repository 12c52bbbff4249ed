import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { checkInterrupted, UsageError } from "./errors";

/**
 * The git plumbing the review tools need, in one place: each call is one `git` process, and a
 * failure is a UsageError that says what could not be done.
 */
export function git(
  cwd: string,
  args: readonly string[],
  { input, failure }: { readonly input?: string; readonly failure?: string } = {},
): SpawnSyncReturns<Buffer> {
  const run = spawnSync("git", args, { cwd, input, maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new UsageError(`cannot run git: ${run.error.message}`);
  checkInterrupted(run);
  if (failure !== undefined && run.status !== 0)
    throw new UsageError(`${failure}${run.stderr.length > 0 ? `: ${run.stderr.toString().trim()}` : ""}`);
  return run;
}

const text = (run: SpawnSyncReturns<Buffer>) => run.stdout.toString().trim();

/** A git ref as given and the commit it named when resolved. */
export interface GitRef {
  readonly name: string;
  readonly commit: string;
}

/** Resolves `ref` in the repository holding `cwd`: cheap, so a typo fails before any real work. */
export function resolveRef(ref: string, cwd: string): GitRef {
  git(cwd, ["rev-parse", "--show-toplevel"], { failure: "a base ref needs a git repository" });
  const commit = git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (commit.status !== 0) throw new UsageError(`unknown git ref "${ref}" (expected e.g. origin/main)`);
  return { name: ref, commit: text(commit) };
}

/** Where `cwd` lies inside its repository, as git spells a path prefix (`""` or `sub/dir/`). */
export function projectPrefix(cwd: string): string {
  return text(
    git(cwd, ["rev-parse", "--show-prefix"], { failure: "cannot locate the project in its repository" }),
  );
}

/** Every blob's text in one `git cat-file --batch` call; undefined where the path is missing. */
export function catFiles(cwd: string, commit: string, paths: readonly string[]): (string | undefined)[] {
  const run = git(cwd, ["cat-file", "--batch"], {
    input: paths.map((p) => `${commit}:${p}\n`).join(""),
    failure: "git cat-file failed",
  });
  const out = run.stdout;
  const texts: (string | undefined)[] = [];
  let offset = 0;
  for (let i = 0; i < paths.length; i++) {
    const end = out.indexOf(10, offset);
    const header = out.subarray(offset, end).toString();
    offset = end + 1;
    const match = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!match) {
      texts.push(undefined); // "<object> missing"
      continue;
    }
    const size = Number(match[1]);
    texts.push(out.subarray(offset, offset + size).toString("utf8"));
    offset += size + 1;
  }
  return texts;
}

/**
 * Paths (relative to `cwd`) that the commits since `commit` change: what a pull request changes.
 * The working tree is left out, so files a tool wrote next to the checkout never count.
 */
export function changedFiles(commit: string, cwd: string): string[] {
  const changed = git(cwd, ["diff", "-z", "--name-only", "--relative", commit, "HEAD"], {
    failure: "git diff failed",
  });
  return [...new Set(changed.stdout.toString().split("\0").filter(Boolean))].sort();
}
