import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Writes a generated file's `content` unless the file already holds it; returns whether it
 * differed. With `dryRun`, writes nothing: what a `--check` reports as stale.
 */
export function writeIfChanged(path: string, content: string, { dryRun = false } = {}): boolean {
  const changed = !existsSync(path) || readFileSync(path, "utf8") !== content;
  if (changed && !dryRun) writeFileSync(path, content);
  return changed;
}
