import type { OrganizationMember } from "@void-linux/infra-constructs/github";
import type { StateMigration } from "@void-linux/infra-constructs/terraform";
import type { GithubStack } from "../stacks/github";
import { type Move, move } from "./move";

/** Repositories Void declared one by one, by their old logical ids. */
const STANDALONE_REPOSITORIES: Readonly<Record<string, string>> = {
  "void-linux.github.io": "void_linux_github_io",
  xmirror: "xmirror",
  xbps: "xbps",
};

/** Repositories Void declared in its `for_each` map. A repository added since has no old address. */
const MAPPED_REPOSITORIES: ReadonlySet<string> = new Set([
  ".github",
  "buildbot-theme",
  "internal-discussions",
  "ircbot",
  "jbigkit-shared",
  "libglob",
  "man-site",
  "musl-fts",
  "musl-obstack",
  "netbsd-wtf",
  "openbsd-man",
  "repo-exporter",
  "runit",
  "socklog-void",
  "void-containers",
  "void-docs",
  "void-infrastructure",
  "void-mklive",
  "void-packages",
  "void-runit",
  "void-texlive",
  "void-updates",
  "void-wiki",
  "xbps-bulk",
  "xbps-legacy-sign",
  "xmandump",
]);

/** Void's organization owners, each held as `github_membership.org-owner_<login>` (lower-cased). */
const OWNERS: ReadonlySet<string> = new Set(["duncaen", "gottox", "the-maldridge"]);

/**
 * Everyone else in the organization at adoption (lower-cased): they joined through a team
 * membership's invitation, so no `github_membership` holds them. Their memberships are imported.
 * Anyone added since is not an organization member yet: their membership is created.
 */
const MEMBERS: ReadonlySet<string> = new Set([
  "abenson",
  "ahesford",
  "chocimier",
  "cinerea0",
  "classabbyamp",
  "ericonr",
  "hoshpak",
  "icp1994",
  "jnbr",
  "johnnynator",
  "leahneukirchen",
  "lemmi",
  "oreo639",
  "paper42",
  "piraty",
  "sgn",
  "thypon",
  "tranzystorekk",
  "vaelatern",
]);

/** The logins a member had at adoption: the current one, or an earlier one they were renamed from. */
const loginsOf = (member: OrganizationMember) => [...member.previously, member.login.toLowerCase()];

/**
 * Where each resource lived in Void's hand-written `terraform/github` root: the first apply
 * against the existing state renames owners, teams, memberships, repositories and grants instead
 * of destroying and re-creating them, and takes every other member's organization membership into
 * state (GitHub's import id `<organization>:<login>`) without a change on GitHub.
 */
export function githubMigration({ organization }: GithubStack): StateMigration {
  const moved: Move[] = [];
  const imported: NonNullable<StateMigration["imported"]>[number][] = [];
  for (const member of organization.members.values()) {
    const logins = loginsOf(member);
    for (const login of logins.filter((l) => OWNERS.has(l)))
      moved.push(...move(`github_membership.org-owner_${login}`, member.resource));
    if (!logins.some((l) => OWNERS.has(l)) && logins.some((l) => MEMBERS.has(l)))
      imported.push({ to: member.resource, id: `${organization.name}:${member.login}` });
  }
  for (const [name, team] of organization.teams) {
    moved.push(...move(`github_team.teams["${name}"]`, team.resource));
    for (const membership of team.memberships.values()) {
      const key = `${name}_${membership.usernameInput}`;
      moved.push(...move(`github_team_membership.team_membership["${key}"]`, membership));
    }
  }
  for (const [name, repository] of organization.repositories) {
    const standalone = STANDALONE_REPOSITORIES[name];
    if (standalone === undefined && !MAPPED_REPOSITORIES.has(name)) continue;
    moved.push(
      ...move(
        standalone ? `github_repository.${standalone}` : `github_repository.repositories["${name}"]`,
        repository.resource,
      ),
    );
    for (const [team, grant] of repository.grants) {
      const from = standalone
        ? `github_team_repository.${standalone}_${team.replaceAll("-", "_")}`
        : `github_team_repository.team_repositories["${name}_${team}"]`;
      moved.push(...move(from, grant));
    }
  }
  return { moved, imported };
}
