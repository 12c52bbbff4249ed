import { Team as GithubTeam } from "@cdktf/provider-github/lib/team";
import { TeamMembers, type TeamMembersMembers } from "@cdktf/provider-github/lib/team-members";
import { TeamMembership } from "@cdktf/provider-github/lib/team-membership";
import { Construct, Lazy } from "../cdktf";
import { check, compareText } from "../core";
import { dependOn } from "../terraform/depends-on";
import { githubLoginProblem } from "./login";
import type { GithubOrganization, OrganizationMember } from "./organization";

export type TeamPrivacy = "closed" | "secret";
export type TeamRole = "member" | "maintainer";

export interface TeamProps {
  /** Team name as shown on GitHub; also part of its Terraform address (`github_team.team_<name>`). */
  readonly name: string;
  /** One line shown on the team page. */
  readonly description: string;
  /** `closed` is visible to the whole organization; `secret` only to its members. @default "closed" */
  readonly privacy?: TeamPrivacy;
  /**
   * Names the team had before, oldest first: the team, its memberships and its repository grants
   * keep their state (the team is renamed in place) instead of being destroyed. @default none
   */
  readonly previously?: readonly string[];
}

/** What grants to a team need of it. */
export interface ITeam {
  /** Team name (its slug on GitHub). */
  readonly name: string;
  /** The team's id, as a reference. */
  readonly teamId: string;
  /** Names the team had before, oldest first. @default none */
  readonly previously?: readonly string[];
}

/** A GitHub team and its memberships. Create it with `GithubOrganization.addTeam`. */
export class Team extends Construct implements ITeam {
  readonly name: string;
  readonly teamId: string;
  readonly previously: readonly string[];
  readonly resource: GithubTeam;
  /** The team's authoritative member list (`per-team` mode). */
  readonly membersResource: TeamMembers | undefined;
  private readonly memberMap = new Map<string, TeamMembership>();
  private readonly roles = new Map<string, { readonly username: string; readonly role: TeamRole }>();
  private readonly organization: GithubOrganization;

  constructor(
    scope: Construct,
    id: string,
    props: TeamProps & { readonly organization: GithubOrganization },
  ) {
    super(scope, id);
    this.name = props.name;
    this.previously = props.previously ?? [];
    this.organization = props.organization;
    check(
      this,
      !this.previously.includes(this.name) && new Set(this.previously).size === this.previously.length,
      () =>
        `previously of team ${this.name} repeats a name or names the current one (expected each earlier name once)`,
    );
    this.resource = new GithubTeam(this, "team", {
      name: props.name,
      description: props.description,
      privacy: props.privacy ?? "closed",
      provider: props.organization.resourceProvider,
    });
    props.organization.claim(this.resource, "team", props.name);
    props.organization.renamed(
      this.resource,
      this.previously.map((name) => ["team", name]),
    );
    this.teamId = this.resource.id;
    if (props.organization.membershipMode === "per-team") {
      this.membersResource = new TeamMembers(this, "members", {
        teamId: this.teamId,
        // Sorted by login, so the list never depends on the order people were added.
        members: Lazy.anyValue({
          produce: () => [...this.roles].sort(([a], [b]) => compareText(a, b)).map(([, member]) => member),
        }) as unknown as TeamMembersMembers[],
        provider: props.organization.resourceProvider,
      });
      props.organization.claim(this.membersResource, "team_members", props.name);
      props.organization.renamed(
        this.membersResource,
        this.previously.map((name) => ["team_members", name]),
      );
    }
  }

  /** Memberships by lower-cased login (`per-person` mode). */
  get memberships(): ReadonlyMap<string, TeamMembership> {
    return this.memberMap;
  }

  /** Lower-cased logins of the members, in the order they were added. */
  get logins(): readonly string[] {
    return [...this.roles.keys()];
  }

  /**
   * Adds a person to the team; GitHub invites them to the organization if needed. When the
   * organization declares the person too ({@link GithubOrganization.addMember}), in either order,
   * this membership waits for theirs and follows their earlier logins.
   */
  addMember(login: string, role: TeamRole = "member"): this {
    const problem = githubLoginProblem(login);
    check(this, problem === undefined, problem ?? "");
    const key = login.toLowerCase();
    check(this, !this.roles.has(key), `${login} is already a member of team ${this.name}`);
    this.roles.set(key, { username: login, role });
    if (this.membersResource) {
      const member = this.organization.members.get(key);
      if (member) this.joinedOrganization(member);
      return this;
    }
    const membership = new TeamMembership(this, `member-${key}`, {
      teamId: this.teamId,
      username: login,
      role,
      provider: this.organization.resourceProvider,
    });
    this.organization.claim(membership, "team_membership", this.name, key);
    this.memberMap.set(key, membership);
    this.movePersonsState(key, this.organization.members.get(key));
    return this;
  }

  /**
   * Called by the organization when `member` is declared: their membership of this team waits for
   * their organization membership (and is destroyed before it), and follows their earlier logins.
   */
  joinedOrganization(member: OrganizationMember): void {
    const key = member.login.toLowerCase();
    if (this.membersResource) {
      if (this.roles.has(key)) dependOn(this.membersResource, member.resource);
      return;
    }
    if (this.memberMap.has(key)) this.movePersonsState(key, member);
  }

  /**
   * The person's membership of this team under every earlier (team name, login) pair, team names
   * first, so a rename of either keeps it; and its dependency on the organization membership.
   */
  private movePersonsState(key: string, member: OrganizationMember | undefined): void {
    const membership = this.memberMap.get(key);
    if (!membership) return;
    if (member) dependOn(membership, member.resource);
    const names = [...this.previously, this.name];
    const logins = [...(member?.previously ?? []), key];
    const earlier = names.flatMap((name) =>
      logins.flatMap((login) =>
        name === this.name && login === key ? [] : [["team_membership", name, login]],
      ),
    );
    this.organization.renamed(membership, earlier);
  }
}
