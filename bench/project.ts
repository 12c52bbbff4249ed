import { generateKeyPairSync } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import sshpk from "sshpk";
import { VOID_ESTATE } from "../estate";

const TEAM_NAMES = VOID_ESTATE.github.teams.map((t) => t.name);

export const REPO_ROOT = resolve(__dirname, "..");
const SKIP = new Set(["node_modules", ".git", "cdktf.out"]);

/** A copy of the repository (code and data, sharing node_modules) to benchmark without touching it. */
export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-project-"));
  cpSync(REPO_ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(basename(src)) });
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/**
 * Replaces the project's maintainers with `count` generated people: each in one team (every 25th a
 * maintainer), three org owners, one unique ed25519 key each, so every check does real work.
 */
export function generateOrg(project: string, count: number): void {
  const dir = join(project, "maintainers");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    const login = `user-${i}`;
    const team = TEAM_NAMES[i % TEAM_NAMES.length];
    const role = i % 25 < TEAM_NAMES.length ? "maintainer" : "member";
    const { publicKey } = generateKeyPairSync("ed25519");
    const key = sshpk.parseKey(publicKey.export({ type: "spki", format: "pem" }), "pem").toString("ssh");
    writeFileSync(
      join(dir, `${login}.yaml`),
      [
        "# yaml-language-server: $schema=./schema.json",
        `name: User ${i}`,
        `github: ${login}`,
        `github_id: ${100000 + i}`,
        `email: ${login}@example.org`,
        ...(i < 3 ? ["org_owner: true"] : []),
        "teams:",
        `  ${team}: ${role}`,
        "ssh_keys:",
        `  - ${key} ${login}`,
        "",
      ].join("\n"),
    );
  }
}
