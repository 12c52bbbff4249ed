import { Membership } from "@cdktf/provider-github/lib/membership";
import { Repository } from "@cdktf/provider-github/lib/repository";
import { Team } from "@cdktf/provider-github/lib/team";
import { TeamMembership } from "@cdktf/provider-github/lib/team-membership";
import { TeamRepository } from "@cdktf/provider-github/lib/team-repository";
import type { IConstruct } from "constructs";
import { Team as TeamConstruct } from "../constructs/github";

/**
 * Where each resource lived in Void's hand-written `terraform/github` root. A `moved` block per
 * resource lets the first apply against the existing state rename instead of destroying and
 * re-creating teams, memberships and repositories. Terraform ignores a move whose source is not in
 * the state, so the blocks are harmless once the state has been migrated.
 */
const STANDALONE_REPOSITORIES: Record<string, string> = {
  "void-linux.github.io": "void_linux_github_io",
  xmirror: "xmirror",
  xbps: "xbps",
};

function legacyAddress(resource: IConstruct): string | undefined {
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

/** Adds a `moved` block from the legacy address to every resource under `scope`. */
export function moveFromLegacyAddresses(scope: IConstruct): void {
  for (const construct of scope.node.findAll()) {
    const from = legacyAddress(construct);
    if (from) (construct as Membership).moveFromId(from);
  }
}
