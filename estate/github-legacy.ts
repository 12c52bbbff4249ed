import { Membership } from "@cdktf/provider-github/lib/membership";
import { Repository } from "@cdktf/provider-github/lib/repository";
import { Team } from "@cdktf/provider-github/lib/team";
import { TeamMembership } from "@cdktf/provider-github/lib/team-membership";
import { TeamRepository } from "@cdktf/provider-github/lib/team-repository";
import type { TerraformResource } from "../constructs/cdktf";
import { Team as TeamConstruct } from "../constructs/github";

/**
 * Where each resource lived in Void's hand-written `terraform/github` root, so the stack can emit
 * `moved` blocks: the first apply against the existing state renames teams, memberships and
 * repositories instead of destroying and re-creating them. Terraform ignores a move whose source
 * is not in the state, so the blocks stay harmless after the migration.
 */
const STANDALONE_REPOSITORIES: Readonly<Record<string, string>> = {
  "void-linux.github.io": "void_linux_github_io",
  xmirror: "xmirror",
  xbps: "xbps",
};

export function legacyGithubAddress(resource: TerraformResource): string | undefined {
  if (resource instanceof Membership) {
    return `github_membership.org-owner_${resource.usernameInput?.toLowerCase()}`;
  }
  if (resource instanceof Team) return `github_team.teams["${resource.nameInput}"]`;
  if (resource instanceof TeamMembership && resource.node.scope instanceof TeamConstruct) {
    return `github_team_membership.team_membership["${resource.node.scope.name}_${resource.usernameInput}"]`;
  }
  if (resource instanceof Repository) {
    const standalone = STANDALONE_REPOSITORIES[resource.nameInput ?? ""];
    return standalone
      ? `github_repository.${standalone}`
      : `github_repository.repositories["${resource.nameInput}"]`;
  }
  if (resource instanceof TeamRepository) {
    const team = resource.node.id.replace(/^team-/, "");
    const repository = resource.repositoryInput ?? "";
    const standalone = STANDALONE_REPOSITORIES[repository];
    return standalone
      ? `github_team_repository.${standalone}_${team.replaceAll("-", "_")}`
      : `github_team_repository.team_repositories["${repository}_${team}"]`;
  }
  return undefined;
}
