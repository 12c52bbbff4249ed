import { type Construct, TerraformStack } from "../constructs/cdktf";
import { GithubOrganization } from "../constructs/github";
import { addStateMigration, legacyMoves } from "../constructs/terraform/state-migration";
import type { GithubEstate } from "../estate/github";
import { legacyGithubAddress } from "../estate/github-legacy";
import { configureState, type StateSettings } from "../lib/backend";
import type { Roster } from "../lib/maintainers/model";

export interface GithubStackProps {
  readonly github: GithubEstate;
  /** The validated maintainer files. */
  readonly roster: Roster;
  readonly state: StateSettings;
}

/** The GitHub organization: owners, teams, memberships, repositories and team access. */
export class GithubStack extends TerraformStack {
  constructor(scope: Construct, id: string, { github, roster, state }: GithubStackProps) {
    super(scope, id);
    configureState(this, state);

    const org = new GithubOrganization(this, "org", { name: github.organization });
    for (const team of github.teams) org.addTeam(team);

    for (const person of roster.people) {
      if (person.orgOwner) org.addOwner(person.login);
      for (const [team, role] of Object.entries(person.teams)) org.team(team).addMember(person.login, role);
    }

    const defaults = github.repositoryDefaults;
    for (const { access, topics = [], ...settings } of github.repositories) {
      const repository = org.addRepository({
        hasIssues: defaults.hasIssues,
        ...settings,
        topics: [...(defaults.topics ?? []), ...topics],
      });
      for (const [team, permission] of Object.entries(access)) {
        if (permission) repository.grant(org.team(team), permission);
      }
    }

    addStateMigration(this, { moved: legacyMoves(org, legacyGithubAddress) });
  }
}
