import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { VOID_ESTATE } from "../estate";
import { sshPublicKeyLine } from "../runtime/ssh-key";
import { ed25519KeyPair } from "../test/support/keys";

const TEAM_NAMES = VOID_ESTATE.github.teams.map((t) => t.name);

export const REPO_ROOT = resolve(__dirname, "..");
const SKIP = new Set(["node_modules", ".git", "cdktf.out"]);

const made: string[] = [];
process.on("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory, removed when the benchmark exits. */
export function benchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of the repository (code and data, sharing node_modules) to benchmark without touching it. */
export function copyProject(): string {
  const dir = benchDir("bench-project-");
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
    const { publicKey } = ed25519KeyPair(login);
    const key = sshPublicKeyLine(publicKey);
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

/**
 * A fresh clone of the repository's HEAD with one more commit: a newcomer's maintainer file, copied
 * from the first plain member, as a one-file onboarding pull request would add it.
 */
export function onboardingClone(): string {
  const dir = join(benchDir("bench-pr-"), "repo");
  const git = (...args: string[]) => {
    const run = spawnSync("git", args, { cwd: dir, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
  };
  const clone = spawnSync("git", ["clone", "--quiet", REPO_ROOT, dir], { encoding: "utf8" });
  if (clone.status !== 0) throw new Error(clone.stderr);
  const files = readdirSync(join(dir, "maintainers")).filter((f) => f.endsWith(".yaml"));
  const member = files.find(
    (f) => !/org_owner: *true/.test(readFileSync(join(dir, "maintainers", f), "utf8")),
  );
  if (!member) throw new Error("no plain member to copy");
  const login = member.replace(/\.yaml$/, "");
  const text = readFileSync(join(dir, "maintainers", member), "utf8")
    .replaceAll(login, "bench-newcomer")
    .replace(/^github_id:.*\n/m, "")
    .replace(/^ssh_keys:\n(?: {2}- .*\n)*/m, "");
  writeFileSync(join(dir, "maintainers", "bench-newcomer.yaml"), text);
  git("add", "-A");
  git(
    "-c",
    "user.name=bench",
    "-c",
    "user.email=bench@example.org",
    "commit",
    "--quiet",
    "-m",
    "Onboard bench-newcomer",
  );
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}
