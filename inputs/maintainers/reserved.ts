import { GITHUB_SPECIAL_LOGINS } from "@void-linux/infra-constructs/github/login";
import type { Estate } from "../estate";
import type { GithubFile } from "../estate/github";

/**
 * Names no person's file may take, as login or as NetAuth id. A login becomes a NetAuth entity
 * (lower-cased, unless the file names its own `netauth:` id), a member name in groups, a name in
 * CODEOWNERS and review comments; one spelled like a team, a group or a system account would be
 * taken for it there (`void-ops` approving as if it were the team, `root` logging in to the
 * hosts). So neither may equal, case-insensitively:
 *
 * - a GitHub team of the organization, or the organization itself;
 * - for an organization with the estate, a NetAuth group: the access groups and the people's
 *   primary group (`estate/access.yaml`), the groups Vault's LDAP login maps, and the state
 *   server's `terrastate-<project>` groups;
 * - a system account or group of a Void Linux host ({@link SYSTEM_NAMES}), or a mailbox name
 *   RFC 2142 reserves;
 * - a login GitHub itself uses (`ghost`).
 */

/** Accounts and groups of a Void Linux host (base-files), and administrative names. */
const SYSTEM_NAMES = [
  // Users and groups of base-files' /etc/passwd and /etc/group.
  "root",
  "nobody",
  "nogroup",
  "bin",
  "sys",
  "kmem",
  "wheel",
  "tty",
  "tape",
  "daemon",
  "floppy",
  "disk",
  "lp",
  "dialout",
  "audio",
  "video",
  "utmp",
  "adm",
  "cdrom",
  "optical",
  "mail",
  "storage",
  "scanner",
  "network",
  "kvm",
  "input",
  "plugdev",
  "usbmon",
  "users",
  "xbuilder",
  // Service accounts the hosts run.
  "sshd",
  "nginx",
  "nomad",
  "consul",
  "vault",
  "netauth",
  // Administrative names, and the RFC 2142 mailboxes.
  "admin",
  "administrator",
  "operator",
  "postmaster",
  "hostmaster",
  "webmaster",
  "abuse",
  "security",
  "noc",
  "support",
] as const;

/**
 * Lower-cased reserved name → what it is, for messages ("the team void-ops"), of the GitHub
 * organization `github` and, when the organization has one, its estate.
 */
export function reservedLogins(
  github: Pick<GithubFile, "organization" | "teams">,
  estate?: Pick<Estate, "access" | "hashistack" | "state">,
): ReadonlyMap<string, string> {
  const reserved = new Map<string, string>();
  const add = (name: string, what: string) => {
    const key = name.toLowerCase();
    if (!reserved.has(key)) reserved.set(key, what);
  };
  for (const team of github.teams) add(team.name, `the team ${team.name}`);
  add(github.organization, "the GitHub organization");
  if (estate) {
    for (const group of estate.access.groups) add(group.name, `the NetAuth group ${group.name}`);
    add(estate.access.primaryGroup, `the NetAuth group ${estate.access.primaryGroup}`);
    for (const { group } of estate.hashistack.vault.ldapGroups) add(group, `the NetAuth group ${group}`);
    for (const project of estate.state.projects)
      add(`terrastate-${project}`, `the NetAuth group terrastate-${project}`);
  }
  for (const name of SYSTEM_NAMES) add(name, `the system name ${name} on the hosts`);
  for (const [login, what] of GITHUB_SPECIAL_LOGINS) add(login, what);
  return reserved;
}

/** Team names alone, for a roster loaded without its organization (tests). */
export function teamNames(teams: readonly string[]): ReadonlyMap<string, string> {
  return new Map(teams.map((team) => [team.toLowerCase(), `the team ${team}`]));
}
