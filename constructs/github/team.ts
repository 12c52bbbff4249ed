import { Team as GithubTeam } from "@cdktf/provider-github/lib/team";
import { TeamMembership } from "@cdktf/provider-github/lib/team-membership";
import { Construct } from "../cdktf";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { check } from "../validation";
import { GITHUB_LOGIN } from "./login";

export type TeamPrivacy = "closed" | "secret";
export type TeamRole = "member" | "maintainer";

export interface TeamProps {
  /** Team name as shown on GitHub; also its Terraform address (`github_team.team_<name>`). */
  readonly name: string;
  /** One line shown on the team page. */
  readonly description: string;
  /** `closed` is visible to the whole organization; `secret` only to its members. @default "closed" */
  readonly privacy?: TeamPrivacy;
}

/** A GitHub team and its memberships. Create it with `GithubOrganization.addTeam`. */
export class Team extends Construct {
  readonly name: string;
  /** The team's id, for resources that grant it something. */
  readonly id: string;
  private readonly members = new Map<string, TeamRole>();

  constructor(scope: Construct, props: TeamProps) {
    super(scope, props.name);
    this.name = props.name;
    const team = new GithubTeam(this, "team", {
      name: props.name,
      description: props.description,
      privacy: props.privacy ?? "closed",
    });
    claimLogicalId(team, logicalId("team", props.name));
    this.id = team.id;
  }

  /** Adds a person to the team; GitHub invites them to the organization if needed. */
  addMember(login: string, role: TeamRole = "member"): this {
    check(this, GITHUB_LOGIN.test(login), `"${login}" is not a valid GitHub login`);
    const key = login.toLowerCase();
    check(this, !this.members.has(key), `${login} is already a member of team ${this.name}`);
    this.members.set(key, role);
    const membership = new TeamMembership(this, `member-${key}`, { teamId: this.id, username: login, role });
    claimLogicalId(membership, logicalId("team_membership", this.name, key));
    return this;
  }

  /** Number of memberships, e.g. to assert a team is not left empty. */
  get memberCount(): number {
    return this.members.size;
  }
}
