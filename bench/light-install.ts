import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, tempDir } from "../test/support/project";

/** Bytes under `dir`, links not followed. */
function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sum + sizeOf(path);
    return sum + (entry.isFile() ? statSync(path).size : 0);
  }, 0);
}

/**
 * The install for people who only edit data (`npm ci --omit=dev`, README), in a scratch copy of
 * the repository: its size, and whether `npm run validate` and the JSON Schema work with it.
 */
export function benchLightInstall(): string {
  const dir = tempDir("bench-light-");
  for (const entry of readdirSync(REPO_ROOT))
    if (!["node_modules", "cdktf.out", ".git", "test", "bench"].includes(entry))
      cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  const install = spawnSync("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund"], {
    cwd: dir,
    encoding: "utf8",
  });
  if (install.status !== 0)
    return `light install: npm ci --omit=dev failed: ${install.stderr.trim().split("\n").at(-1)}`;
  const mib = sizeOf(join(dir, "node_modules")) / (1024 * 1024);
  const works = (args: string[]) =>
    spawnSync("npm", ["run", "-s", ...args], { cwd: dir, encoding: "utf8" }).status === 0;
  return `light install (npm ci --omit=dev): ${mib.toFixed(0)} MiB; npm run validate ${works(["validate"]) ? "works" : "FAILS"}, npm run schema ${works(["schema"]) ? "works" : "FAILS"}`;
}
