import { type Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { GithubOrganization } from "@void-linux/infra-constructs/github";
import { configureState, type StateSettings } from "@void-linux/infra-constructs/terraform";
import type { GithubEstate } from "../inputs/estate";
import type { Roster } from "../inputs/maintainers/model";

export interface GithubStackProps {
  readonly github: GithubEstate;
  /** The validated maintainer files. */
  readonly roster: Roster;
  readonly state: StateSettings;
}

/** The GitHub organization: members and owners, teams, memberships, repositories and team access. */
export class GithubStack extends TerraformStack {
  readonly organization: GithubOrganization;

  constructor(scope: Construct, id: string, { github, roster, state }: GithubStackProps) {
    super(scope, id);
    configureState(this, state);

    const org = new GithubOrganization(this, "org", {
      name: github.organization,
      membershipMode: github.membershipMode,
    });
    for (const team of github.teams) org.addTeam(team);

    // Everyone is a member of the organization, as peribolos has it: an owner demoted is an
    // update to member, and a person whose file is deleted leaves the organization.
    for (const { login, orgOwner, previously, teams } of roster.people)
      org.addPerson({ login, role: orgOwner ? "admin" : "member", previously, teams });

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
    this.organization = org;
  }
}
