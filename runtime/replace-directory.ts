import { chmodSync, existsSync, mkdirSync, renameSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { makeTemporary, release, removeOnInterrupt } from "./scratch";

/**
 * Replaces the directory `target` with what `fill` writes, all or nothing: `fill` writes into a
 * fresh sibling directory, which takes `target`'s place by rename only when `fill` succeeded. A
 * failed or interrupted run leaves `target` as it was; readers never see a half-written set.
 */
export function replaceDirectory<T>(target: string, fill: (staging: string) => T): T {
  const path = resolve(target);
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
