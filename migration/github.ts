import type { StateMigration } from "../constructs/terraform/state-migration";
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

/**
 * Where each resource lived in Void's hand-written `terraform/github` root: the first apply
 * against the existing state renames owners, teams, memberships, repositories and grants instead
 * of destroying and re-creating them.
 */
export function githubMigration({ organization }: GithubStack): StateMigration {
  const moved: Move[] = [];
  for (const [login, membership] of organization.owners)
    moved.push(...move(`github_membership.org-owner_${login}`, membership));
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
  return { moved };
}
