import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(__dirname, "..", "..");

/** A scratch copy of the repository's data (not its code) to run the real commands against. */
export function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "void-infra-"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  cpSync(join(REPO_ROOT, "maintainers"), join(dir, "maintainers"), { recursive: true });
  cpSync(join(REPO_ROOT, "estate"), join(dir, "estate"), { recursive: true });
  return dir;
}

/** Runs one of the repository's TypeScript entry points with `cwd` as the project directory. */
export function runEntry(
  entry: string,
  cwd: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["--import", "tsx", join(REPO_ROOT, entry), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}
