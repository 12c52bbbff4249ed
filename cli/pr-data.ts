/**
 * `npm run pr-data -- --head <commit>`: lays a pull request's data files over this checkout (main's
 * code), so a credentialed job can plan the pull request without running any of its code. The
 * files are taken from the pull request merged into this checkout's commit, as GitHub would merge it
 * now, so a pull request behind main keeps main's newer data (a conflict is refused). Data is
 * what the loaders read for the organization this checkout's `organization.yaml` defines (main's
 * definition, never the pull request's; `inputs/data-files.ts`): its people's files, its override
 * file, the file that declares its GitHub organization and its data sets (the estate's files, the
 * mirror list), taken as regular files within their loaders' size limits, deletions included.
 * Anything else the pull request changes is code, `organization.yaml` itself included: nothing is
 * taken, and the command exits with status 10 (such a pull request is planned after it merges). A data file in a form its loader would not read (a link,
 * a submodule, a directory, too big, a name its directory does not allow) is refused by name, every
 * one at once, and nothing is written.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command as Program } from "commander";
import { type DataPaths, dataPaths } from "../inputs/data-files";
import { readDefinition } from "../inputs/organization";
import { DataError, type Diagnostic, fileDiagnostic } from "../runtime/diagnostics";
import { UsageError } from "../runtime/errors";
import { catBlobs, git, mergeTree, resolveRef } from "../runtime/git";
import { logText, spellControls } from "../runtime/log";
import { type Command, parseArgs } from "./command";

/** Exit status when the pull request changes more than data. */
export const CHANGES_CODE = 10;

/** What a path a pull request changes is to `pr-data`. */
export type PathKind =
  /** A file a loader reads, within `maxBytes`. */
  | { readonly kind: "data"; readonly maxBytes: number }
  /** A name a data directory holds besides data (the schema generated for editors): never read, left as main has it. */
  | { readonly kind: "ignored" }
  /** Where data lives, in a form no loader reads: refused. */
  | { readonly kind: "refused"; readonly problem: Diagnostic }
  /** Anything else. */
  | { readonly kind: "code" };

/** How `pr-data` takes the repository path `path` when a pull request changes it, given the checkout's data paths. */
export function pathKind(path: string, data: DataPaths): PathKind {
  const fixed = data.files.get(path);
  if (fixed !== undefined) return { kind: "data", maxBytes: fixed };
  for (const directory of data.directories) {
    if (path === directory.dir)
      return refused(path, "is not a directory in the pull request (expected a directory)");
    if (!path.startsWith(`${directory.dir}/`)) continue;
    const name = path.slice(directory.dir.length + 1);
    const first = name.split("/")[0] ?? "";
    if (first !== name && directory.fileName.test(first))
      return refused(
        `${directory.dir}/${first}`,
        "is a directory in the pull request (expected a regular file)",
      );
    if (directory.ignore?.has(name)) return { kind: "ignored" };
    if (directory.fileName.test(name)) return { kind: "data", maxBytes: directory.maxBytes };
    return refused(path, `is not ${directory.what} (expected ${directory.expected})`);
  }
  for (const file of data.files.keys())
    if (path.startsWith(`${file}/`))
      return refused(file, "is a directory in the pull request (expected a regular file)");
  return { kind: "code" };
}

const refused = (file: string, message: string): PathKind => ({
  kind: "refused",
  problem: fileDiagnostic(file, message),
});

/** What a git tree entry's mode says a path is, when it is no regular file. */
const NOT_REGULAR: Readonly<Record<string, string>> = {
  "120000": "a symbolic link",
  "160000": "a submodule",
  "040000": "a directory",
};

export const prData: Command = (args, io) => {
  const options = parseArgs<{ head?: string }>(
    new Program("pr-data")
      .description("Take a pull request's data files (never its code) into this checkout")
      .option("--head <commit>", "the pull request's head commit, already fetched"),
    args,
    io,
  );
  if (!options.head) throw new UsageError("--head <commit> is required");
  const head = resolveRef(options.head, io.cwd).commit;
  git(io.cwd, ["merge-base", "HEAD", head], { failure: "no common history with the pull request" });
  const definitionProblems: Diagnostic[] = [];
  const definition = readDefinition(io.cwd, definitionProblems);
  if (!definition) throw new DataError(definitionProblems);
  const data = dataPaths(definition);
  const kindOf = (path: string) => pathKind(path, data);
  const merged = mergedTree(io.cwd, head);
  const changes = changedPaths(io.cwd, "HEAD", merged);

  const code = changes.filter(({ path }) => kindOf(path).kind === "code").map(({ path }) => path);
  if (code.length > 0) {
    const shown = code.slice(0, 10).map(spellControls).join(", ");
    const text = `the pull request changes code (${shown}${code.length > 10 ? ", …" : ""}): it is planned after it merges`;
    io.out(`${logText(text)}\n`);
    return CHANGES_CODE;
  }

  const problems: Diagnostic[] = [];
  const taken: { path: string; deleted: boolean }[] = [];
  const entries = treeEntries(
    io.cwd,
    merged,
    changes.filter(({ deleted }) => !deleted).map(({ path }) => path),
  );
  for (const { path, deleted } of changes) {
    const kind = kindOf(path);
    if (kind.kind === "refused") problems.push(kind.problem);
    if (kind.kind !== "data") continue;
    if (!deleted) {
      const entry = entries.get(path);
      const problem = entry && entryProblem(entry, kind.maxBytes);
      if (!entry || problem) {
        problems.push(
          fileDiagnostic(path, problem ?? "cannot be read from the pull request merged with main"),
        );
        continue;
      }
    }
    taken.push({ path, deleted });
  }
  if (problems.length > 0) throw new DataError(unique(problems));

  const blobs = catBlobs(
    io.cwd,
    taken.filter(({ deleted }) => !deleted).map(({ path }) => `${merged}:${path}`),
  );
  let next = 0;
  const lines: string[] = [];
  for (const { path, deleted } of taken) {
    const target = join(io.cwd, path);
    rmSync(target, { force: true });
    if (deleted) {
      lines.push(`removed ${path}`);
      continue;
    }
    const blob = blobs[next++];
    if (!blob) throw new UsageError(`cannot read ${path} from the pull request merged with main`);
    mkdirSync(dirname(target), { recursive: true });
    // `wx`: a new file, never through whatever else may be at the path.
    writeFileSync(target, blob, { flag: "wx", mode: 0o644 });
    lines.push(`took ${path}`);
  }
  const count = `${taken.length} data file${taken.length === 1 ? "" : "s"}`;
  io.out(`${[`took ${count} from ${head.slice(0, 12)}`, ...lines.map((l) => `  ${l}`)].join("\n")}\n`);
  return 0;
};

/**
 * The tree of `head` merged into this checkout's commit, as GitHub would merge the pull request now:
 * what it changes is then what the merge changes, main's newer data kept.
 */
function mergedTree(cwd: string, head: string): string {
  const { tree, conflicts } = mergeTree(cwd, "HEAD", head);
  if (conflicts.length > 0) {
    const shown = conflicts.slice(0, 10).map(spellControls).join(", ");
    throw new UsageError(
      `the pull request conflicts with main in ${shown}${conflicts.length > 10 ? ", …" : ""} (expected it merged with main, or rebased)`,
    );
  }
  if (!/^[0-9a-f]{40,64}$/.test(tree)) throw new UsageError("cannot merge the pull request with main");
  return tree;
}

/** The paths that differ from tree-ish `from` to `to`, and whether each is deleted. */
function changedPaths(cwd: string, from: string, to: string): { path: string; deleted: boolean }[] {
  const fields = git(cwd, ["diff", "-z", "--name-status", "--no-renames", from, to], {
    failure: "git diff failed",
  })
    .stdout.toString()
    .split("\0");
  const changes: { path: string; deleted: boolean }[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2)
    changes.push({ path: fields[i + 1] as string, deleted: fields[i] === "D" });
  return changes;
}

/** A path's entry in a git tree. */
interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  /** In bytes; `-` for what is no blob. */
  readonly size: string;
}

/** The tree entries of `paths` in tree-ish `tree`, in one `git ls-tree` call; a path with none is absent. */
function treeEntries(cwd: string, tree: string, paths: readonly string[]): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  if (paths.length === 0) return entries;
  const listing = git(cwd, ["--literal-pathspecs", "ls-tree", "-z", "-l", tree, "--", ...paths], {
    failure: "cannot list the pull request's files",
  });
  for (const line of listing.stdout.toString().split("\0")) {
    const match = /^(\d{6}) ([a-z]+) [0-9a-f]+ +(\d+|-)\t(.*)$/s.exec(line);
    if (match)
      entries.set(match[4] as string, {
        mode: match[1] as string,
        type: match[2] as string,
        size: match[3] as string,
      });
  }
  return entries;
}

/** Why a tree entry is no data file its loader would read, or undefined when it is one. */
function entryProblem({ mode, type, size }: TreeEntry, maxBytes: number): string | undefined {
  if (type !== "blob" || (mode !== "100644" && mode !== "100755"))
    return `is ${NOT_REGULAR[mode] ?? `of mode ${mode}`} in the pull request (expected a regular file)`;
  if (Number(size) > maxBytes) return `is ${size} bytes in the pull request (expected at most ${maxBytes})`;
  return undefined;
}

/** Each problem once (a directory where a file should be is found through each of its files). */
function unique(problems: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map(problems.map((p) => [`${p.file}\0${p.message}`, p]));
  return [...seen.values()];
}
