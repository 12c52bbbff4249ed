import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { compareText } from "@void-linux/infra-constructs/core";
import { describeSystemError, explainWrite, isSystemError, systemCause, UsageError } from "./errors";
import { makeTemporary, orphansOf, release } from "./scratch";

/**
 * Replaces the directory `target` with what `fill` writes, all or nothing: `fill` writes into a
 * fresh sibling directory, which takes `target`'s place by rename only when `fill` succeeded. A
 * failed or interrupted run leaves `target` as it was; readers never see a half-written set.
 *
 * It never deletes a file it did not write. `ours` names every top-level entry the writer
 * produces: a `target` that holds anything else is refused, so a mistyped path cannot touch
 * someone's files. Deeper down, whatever the writer does not write (a `terraform plan -out` file,
 * a `.terraform/` directory) is moved into the new directory at the same path. With `record`, the
 * writer lists every file it wrote in that file of `target`, and a later run deletes what it wrote
 * before and writes no more (a removed stack's files); without one, such files are kept too.
 */
export function replaceDirectory<T>(
  target: string,
  ours: readonly string[],
  fill: (staging: string) => T,
  { record }: { readonly record?: string } = {},
): T {
  const path = resolve(target);
  checkReplaceable(path, ours);
  const parent = dirname(path);
  const staging = makeStaging(path);
  try {
    const result = fill(staging);
    if (record !== undefined)
      writeFileSync(
        join(staging, record),
        filesUnder(staging)
          .map((file) => `${file}\n`)
          .join(""),
      );
    commit(path, staging, record);
    recoverOrphans(parent, path, record);
    return result;
  } catch (error) {
    if (!isSystemError(error)) throw error;
    // A path in the staging directory is named as the path it was going to have.
    const own = error.path?.startsWith(staging) ? path + error.path.slice(staging.length) : error.path;
    throw new UsageError(describeSystemError(error, own ?? path));
  } finally {
    release(staging);
  }
}

const stagingPrefix = (path: string) => `.${basename(path)}.new-`;
const previousPrefix = (path: string) => `.${basename(path)}.old-`;

/** The private directory `fill` writes into; a failure to make it names `path`, not the temporary name. */
function makeStaging(path: string): string {
  try {
    makeFolders(dirname(path));
    const staging = makeTemporary(dirname(path), stagingPrefix(path));
    chmodSync(staging, 0o755); // mkdtemp makes it private; the result is an ordinary directory
    return staging;
  } catch (error) {
    throw explainWrite(path, error);
  }
}

/** Creates the missing folders of `dir`, one by one: node's recursive mkdir spins forever where none can be made (under /proc). */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let folder = dir; !lstatSync(folder, { throwIfNoEntry: false }); folder = dirname(folder))
    missing.unshift(folder);
  for (const folder of missing) mkdirSync(folder);
}

function checkReplaceable(path: string, ours: readonly string[]): void {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw explainWrite(path, error); // a file where a folder of the path should be
  }
  if (!stat) return;
  if (!stat.isDirectory())
    throw new UsageError(`${path} exists and is not a directory (expected an output directory)`);
  const foreign = readdirSync(path).filter((name) => !ours.includes(name));
  if (foreign.length > 0)
    throw new UsageError(
      `refusing to replace ${path}: it holds ${foreign.sort(compareText).join(", ")}, which this command does not write (expected an empty or previously generated output directory)`,
    );
}

/**
 * Puts `staging` in `path`'s place and moves what the writer did not write from the previous
 * directory into the new one. Every step is a rename on one file system, and the previous
 * directory is deleted only once nothing of anyone else's is left in it.
 */
function commit(path: string, staging: string, record: string | undefined): void {
  if (!lstatSync(path, { throwIfNoEntry: false })) {
    renameSync(staging, path);
    return;
  }
  const written = readRecord(path, record);
  const { keep, inTheWay } = unwritten(path, staging, written);
  if (inTheWay.length > 0)
    throw new UsageError(
      `refusing to replace ${path}: ${inTheWay.join(", ")} ${inTheWay.length === 1 ? "was" : "were"} not written by this command and ${inTheWay.length === 1 ? "is" : "are"} where it writes now (expected ${inTheWay.length === 1 ? "it" : "them"} moved away)`,
    );
  // Named after this process, so a later run can tell a SIGKILL's leftover from a live run's.
  const previous = mkdtempSync(join(dirname(path), `${previousPrefix(path)}pid${process.pid}-`));
  renameSync(path, previous);
  try {
    renameSync(staging, path);
  } catch (error) {
    renameSync(previous, path);
    throw error;
  }
  moveBack(previous, path, keep);
}

/** Moves each of `paths` from `from` to `to` (same relative path), then deletes `from` if that left nothing of anyone else's in it. */
function moveBack(from: string, to: string, paths: readonly string[]): void {
  const stuck: string[] = [];
  for (const relative of paths) {
    try {
      makeFolders(dirname(join(to, relative)));
      renameSync(join(from, relative), join(to, relative));
    } catch (error) {
      if (!isSystemError(error)) throw error;
      stuck.push(`${relative} (${systemCause(error)})`);
    }
  }
  if (stuck.length > 0)
    throw new UsageError(`wrote ${to}, but could not keep ${stuck.join(", ")}: still in ${from}`);
  rmSync(from, { recursive: true, force: true });
}

/**
 * A run killed between renaming the previous directory away and moving what it kept back leaves
 * that directory (`.<name>.old-pid<N>-…`) behind: what its writer did not write goes back into
 * `path` where nothing else is in the way, and the rest is deleted only when nothing is left.
 */
function recoverOrphans(parent: string, path: string, record: string | undefined): void {
  for (const orphan of orphansOf(parent, previousPrefix(path))) {
    if (!lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) return;
    const { keep, inTheWay } = unwritten(orphan, path, readRecord(orphan, record));
    if (inTheWay.length === 0) moveBack(orphan, path, keep);
  }
}

/** The files listed in `dir`'s record, or undefined when it has none (nothing is known to be ours). */
function readRecord(dir: string, record: string | undefined): ReadonlySet<string> | undefined {
  if (record === undefined || !lstatSync(join(dir, record), { throwIfNoEntry: false })?.isFile()) return;
  return new Set(readFileSync(join(dir, record), "utf8").split("\n").filter(Boolean));
}

/** Every file under `dir` (links included, not followed), relative, in code-unit order. */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, relative) : [relative];
    })
    .sort(compareText);
}

/**
 * What in `previous` the writer did not write: `keep` lists the paths to move into `next` as they
 * are, `inTheWay` those that collide with something `next` holds. A path is the writer's when
 * `next` holds a file there (it writes it again) or `written` lists it (it wrote it last time).
 */
function unwritten(
  previous: string,
  next: string,
  written: ReadonlySet<string> | undefined,
): { keep: string[]; inTheWay: string[] } {
  const keep: string[] = [];
  const inTheWay: string[] = [];
  const wroteUnder = (dir: string) => [...(written ?? [])].some((file) => file.startsWith(`${dir}/`));
  const walk = (relative: string): void => {
    for (const name of readdirSync(join(previous, relative)).sort(compareText)) {
      const path = relative ? `${relative}/${name}` : name;
      const before = lstatSync(join(previous, path));
      const now = lstatSync(join(next, path), { throwIfNoEntry: false });
      if (before.isDirectory()) {
        if (now?.isDirectory() || (!now && wroteUnder(path))) walk(path);
        else if (!now) keep.push(path);
        else if (mineAll(previous, path, written)) continue;
        else inTheWay.push(path);
      } else if (now === undefined ? !written?.has(path) : now.isDirectory() && !written?.has(path)) {
        (now ? inTheWay : keep).push(path);
      }
    }
  };
  walk("");
  return { keep, inTheWay };
}

/** Whether the writer wrote every file under directory `path` of `dir`. */
function mineAll(dir: string, path: string, written: ReadonlySet<string> | undefined): boolean {
  return filesUnder(dir, path).every((file) => written?.has(file));
}
