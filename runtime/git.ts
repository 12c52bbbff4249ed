import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
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

/**
 * Writes the project at `commit` (the part of the repository `cwd` lies in) into the new directory
 * `tree`, with `git archive` through a tar file in `scratch`: no worktree is registered, so nothing
 * is left in `.git` even if the process is killed.
 */
export function exportTree({ name, commit }: GitRef, cwd: string, scratch: string, tree: string): void {
  const archive = join(scratch, "tree.tar");
  mkdirSync(tree);
  git(cwd, ["archive", "--format=tar", "-o", archive, `${commit}:${projectPrefix(cwd)}`], {
    failure: `cannot export ${name}`,
  });
  const untar = spawnSync("tar", ["-xf", archive, "-C", tree], { encoding: "utf8" });
  checkInterrupted(untar);
  if (untar.status !== 0)
    throw new UsageError(`cannot unpack ${name}: ${(untar.stderr || String(untar.error)).trim()}`);
}

/** Where `cwd` lies inside its repository, as git spells a path prefix (`""` or `sub/dir/`). */
export function projectPrefix(cwd: string): string {
  return text(
    git(cwd, ["rev-parse", "--show-prefix"], { failure: "cannot locate the project in its repository" }),
  );
}

/**
 * Every blob's text in one `git cat-file --batch` call; undefined where the path is missing or
 * names something else (a directory, a submodule, a tag), whose content is skipped unread.
 */
export function catFiles(cwd: string, commit: string, paths: readonly string[]): (string | undefined)[] {
  return catBlobs(
    cwd,
    paths.map((p) => `${commit}:${p}`),
  ).map((blob) => blob?.toString("utf8"));
}

/**
 * The bytes of every blob `objects` names (`<oid>` or `<tree-ish>:<path>`), in one `git cat-file
 * --batch` call; undefined where the object is missing or is not a blob.
 */
export function catBlobs(cwd: string, objects: readonly string[]): (Buffer | undefined)[] {
  const run = git(cwd, ["cat-file", "--batch"], {
    input: objects.map((o) => `${o}\n`).join(""),
    failure: "git cat-file failed",
  });
  const out = run.stdout;
  const blobs: (Buffer | undefined)[] = [];
  let offset = 0;
  for (let i = 0; i < objects.length; i++) {
    const end = out.indexOf(10, offset);
    if (end === -1) throw new UsageError(`git cat-file ended early, after ${i} of ${objects.length} objects`);
    const header = out.subarray(offset, end).toString();
    offset = end + 1;
    // `<oid> <type> <size>` and the content, or one line such as `<name> missing`.
    const match = /^[0-9a-f]+ ([a-z]+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === "blob" ? out.subarray(offset, offset + size) : undefined);
    offset += size + 1;
  }
  return blobs;
}

/** A regular file's entry in a git tree: a blob, not a link (120000), directory or submodule. */
const REGULAR_FILE = /^10(?:0644|0755) blob [0-9a-f]+\t/;

/**
 * The names of the regular files directly in `dir` at `commit` (`dir` relative to the repository
 * root, `""` for the root itself); empty when `dir` does not exist there.
 */
export function regularFilesAt(cwd: string, commit: string, dir: string): string[] {
  // --full-tree: in a subdirectory, ls-tree would list only what lies under it within the tree.
  const listing = git(cwd, ["ls-tree", "-z", "--full-tree", `${commit}:${dir}`]);
  if (listing.status !== 0) return [];
  return listing.stdout
    .toString()
    .split("\0")
    .filter((entry) => REGULAR_FILE.test(entry))
    .map((entry) => entry.slice(entry.indexOf("\t") + 1));
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

/** One entry of a git tree, as `git ls-tree -l` lists it. */
export interface TreeEntry {
  readonly name: string;
  /** `100644`, `100755` (regular files), `120000` (a link), `040000` (a tree), `160000` (a submodule). */
  readonly mode: string;
  readonly type: string;
  readonly oid: string;
  /** The blob's size in bytes; undefined for anything else. */
  readonly size?: number;
}

/** Whether `entry` is a regular file: a blob that is not a link. */
export const isRegularFile = (entry: TreeEntry) =>
  entry.type === "blob" && (entry.mode === "100644" || entry.mode === "100755");

/** Every entry directly in `dir` of `treeish` (`dir` relative to the repository root); empty when it is no tree there. */
export function treeEntries(cwd: string, treeish: string, dir: string): TreeEntry[] {
  const listing = git(cwd, ["ls-tree", "-z", "-l", "--full-tree", `${treeish}:${dir}`]);
  if (listing.status !== 0) return [];
  return listing.stdout
    .toString()
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode = "", type = "", oid = "", size = "-"] = line.slice(0, tab).split(/ +/);
      return { name: line.slice(tab + 1), mode, type, oid, size: size === "-" ? undefined : Number(size) };
    });
}

/**
 * The tree `git merge-tree` writes for merging `head` into `base` (no work tree, no index, nothing
 * else written), and the paths that conflict; empty when the merge is clean.
 */
export function mergeTree(cwd: string, base: string, head: string): { tree: string; conflicts: string[] } {
  const run = git(cwd, ["merge-tree", "--write-tree", "--no-messages", "--name-only", "-z", base, head]);
  if (run.status !== 0 && run.status !== 1)
    throw new UsageError(
      `cannot merge ${head.slice(0, 12)} into ${base.slice(0, 12)} (git merge-tree needs git 2.38 or later)${run.stderr.length > 0 ? `: ${run.stderr.toString().trim()}` : ""}`,
    );
  const [tree = "", ...conflicts] = run.stdout.toString().split("\0").filter(Boolean);
  return { tree, conflicts: [...new Set(conflicts)].sort() };
}

/** Repository-relative paths whose content differs between two tree-ishes (renames as a deletion and an addition). */
export function changedBetween(cwd: string, from: string, to: string): string[] {
  const changed = git(cwd, ["diff", "-z", "--name-only", "--no-renames", "--no-relative", from, to], {
    failure: "git diff failed",
  });
  return [...new Set(changed.stdout.toString().split("\0").filter(Boolean))].sort();
}
