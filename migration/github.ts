import type { StateMigration } from "../constructs/terraform/state-migration";
import type { GithubStack } from "../stacks/github";
import { type Move, move } from "./move";

/** Repositories Void declared one by one; every other repository was in a `for_each` map. */
const STANDALONE_REPOSITORIES: Readonly<Record<string, string>> = {
  "void-linux.github.io": "void_linux_github_io",
  xmirror: "xmirror",
  xbps: "xbps",
};

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
