import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { UsageError } from "./errors";
import { makeTemporary, release, removeOnInterrupt } from "./scratch";

/**
 * Replaces the directory `target` with what `fill` writes, all or nothing: `fill` writes into a
 * fresh sibling directory, which takes `target`'s place by rename only when `fill` succeeded. A
 * failed or interrupted run leaves `target` as it was; readers never see a half-written set.
 *
 * `ours` names every entry the writer produces: an existing `target` is replaced only when it is an
 * empty directory or holds nothing else, so a mistyped path can never delete someone's files.
 */
export function replaceDirectory<T>(
  target: string,
  ours: readonly string[],
  fill: (staging: string) => T,
): T {
  const path = resolve(target);
  checkReplaceable(path, ours);
  mkdirSync(dirname(path), { recursive: true });
  const staging = makeTemporary(dirname(path), `.${basename(path)}.new-`);
  chmodSync(staging, 0o755); // mkdtemp makes it private; the result is an ordinary directory
  try {
    const result = fill(staging);
    if (existsSync(path)) {
      // Two renames: the old directory stays complete until the new one takes its place.
      const old = `${staging}.old`;
      removeOnInterrupt(old);
      renameSync(path, old);
      renameSync(staging, path);
      release(old);
    } else {
      renameSync(staging, path);
    }
    return result;
  } finally {
    release(staging);
  }
}

function checkReplaceable(path: string, ours: readonly string[]): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory())
    throw new UsageError(`${path} exists and is not a directory (expected an output directory)`);
  const foreign = readdirSync(path).filter((name) => !ours.includes(name));
  if (foreign.length > 0)
    throw new UsageError(
      `refusing to replace ${path}: it holds ${foreign.sort().join(", ")}, which this command does not write (expected an empty or previously generated output directory)`,
    );
}
