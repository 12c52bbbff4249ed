import { type Construct, TerraformStack } from "../constructs/cdktf";
import { GithubOrganization } from "../constructs/github";
import { addStateMigration, legacyMoves } from "../constructs/terraform/state-migration";
import { ORGANIZATION, REPOSITORIES, TEAMS, type VoidTeam } from "../estate/github";
import { legacyGithubAddress } from "../estate/github-legacy";
import { TERRASTATE_BASE_URL } from "../estate/state";
import { configureState } from "../lib/backend";
import type { Roster } from "../lib/maintainers/model";

export interface GithubStackProps {
  /** The validated maintainer files. */
  readonly roster: Roster;
}

/** The void-linux GitHub organization: owners, teams, memberships, repositories and team access. */
export class GithubStack extends TerraformStack {
  constructor(scope: Construct, id: string, { roster }: GithubStackProps) {
    super(scope, id);
    configureState(this, { key: "prod/github", httpBaseUrl: TERRASTATE_BASE_URL });

    const org = new GithubOrganization(this, "org", { name: ORGANIZATION });
    for (const team of TEAMS) org.addTeam(team);

    for (const person of roster.people) {
      if (person.orgOwner) org.addOwner(person.login);
      for (const [team, role] of Object.entries(person.teams)) org.team(team).addMember(person.login, role);
    }

    for (const { access, topics = [], ...settings } of REPOSITORIES) {
      const repository = org.addRepository({
        hasIssues: true,
        ...settings,
        topics: ["voidlinux", ...topics],
      });
      for (const [team, permission] of Object.entries(access) as [VoidTeam, (typeof access)[VoidTeam]][]) {
        if (permission) repository.grant(org.team(team), permission);
      }
    }

    addStateMigration(this, { moved: legacyMoves(org, legacyGithubAddress) });
  }
}
