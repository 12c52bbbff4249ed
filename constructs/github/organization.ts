import { Membership } from "@cdktf/provider-github/lib/membership";
import { GithubProvider } from "@cdktf/provider-github/lib/provider";
import { Construct } from "../cdktf";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { check, ValidationError } from "../validation";
import { GITHUB_LOGIN } from "./login";
import { Repository, type RepositoryProps } from "./repository";
import { Team, type TeamProps } from "./team";

export interface GithubOrganizationProps {
  /** Organization login, e.g. `my-org`. The token comes from GITHUB_TOKEN, never from code. */
  readonly name: string;
}

/**
 * A GitHub organization: its owners, teams and repositories. Configures the github provider for the
 * organization, so use one per stack.
 */
export class GithubOrganization extends Construct {
  readonly name: string;
  private readonly teams = new Map<string, Team>();
  private readonly owners = new Set<string>();

  constructor(scope: Construct, id: string, props: GithubOrganizationProps) {
    super(scope, id);
    this.name = props.name;
    new GithubProvider(this, "provider", { owner: props.name });
  }

  addTeam(props: TeamProps): Team {
    check(this, !this.teams.has(props.name), `team ${props.name} is declared twice`);
    const team = new Team(this, props);
    this.teams.set(props.name, team);
    return team;
  }

  /** The declared team called `name`. */
  team(name: string): Team {
    const team = this.teams.get(name);
    if (!team)
      throw new ValidationError(
        this,
        `no team called "${name}" (declared: ${[...this.teams.keys()].join(", ")})`,
      );
    return team;
  }

  addRepository(props: RepositoryProps): Repository {
    return new Repository(this, props);
  }

  /** Makes a person an organization owner (role admin). */
  addOwner(login: string): this {
    check(this, GITHUB_LOGIN.test(login), `"${login}" is not a valid GitHub login`);
    const key = login.toLowerCase();
    check(this, !this.owners.has(key), `${login} is already an owner`);
    this.owners.add(key);
    const membership = new Membership(this, `owner-${key}`, { username: login, role: "admin" });
    claimLogicalId(membership, logicalId("org_owner", key));
    return this;
  }
}
