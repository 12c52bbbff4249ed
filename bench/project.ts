import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { sshPublicKeyLine } from "@void-linux/infra-constructs/ssh-key";
import { loadEstate } from "../inputs/estate";
import { git } from "../test/support/git";
import { ed25519KeyPair } from "../test/support/keys";
import { REPO_ROOT, tempDir } from "../test/support/project";

export { REPO_ROOT };

const TEAM_NAMES = loadEstate(REPO_ROOT).github.teams.map((t) => t.name);

const SKIP = new Set(["node_modules", ".git", "cdktf.out"]);

/** A copy of the repository (code and data, sharing node_modules) to benchmark without touching it. */
export function copyProject(): string {
  const dir = tempDir("bench-project-");
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
 * Adds `machines` generated machines (`estate/machines/<name>.yaml`, named by Void's convention,
 * each with unique IPv4, IPv6 and mesh addresses) and `records` CNAMEs to `estate/dns.yaml`, half
 * to a generated machine and half to a name outside the zone, so every check across files works
 * at that size.
 */
export function generateEstate(project: string, machines: number, records: number): void {
  const names: string[] = [];
  for (let i = 0; i < machines; i++) {
    const name = `${String.fromCharCode(97 + (i % 26))}-gen${Math.floor(i / 26)}-fi`;
    names.push(name);
    writeFileSync(
      join(project, "estate", "machines", `${name}.yaml`),
      [
        "# yaml-language-server: $schema=../schemas/machine.schema.json",
        `ipv4: 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        `ipv6: 2001:db8::${i.toString(16)}`,
        `mesh: 100.64.${(i >> 8) & 255}.${i & 255}`,
        "nomad_datacenter: VOID",
        "roles:",
        "  - hashiworker",
        "  - prod",
        "",
      ].join("\n"),
    );
  }
  const aliases = Array.from({ length: records }, (_, i) => {
    const target = i % 2 === 0 ? names[i % names.length] : `host${i}.example.net.`;
    return `  - name: gen${i}\n    target: ${target}\n`;
  });
  const dns = join(project, "estate", "dns.yaml");
  writeFileSync(dns, readFileSync(dns, "utf8").replace("aliases:\n", `aliases:\n${aliases.join("")}`));
}

/**
 * A fresh clone of the repository's HEAD with one more commit: a newcomer's maintainer file, copied
 * from the first plain member, as a one-file onboarding pull request would add it.
 */
export function onboardingClone(): string {
  const dir = join(tempDir("bench-pr-"), "repo");
  git(REPO_ROOT, "clone", "--quiet", REPO_ROOT, dir);
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
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "Onboard bench-newcomer");
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}
