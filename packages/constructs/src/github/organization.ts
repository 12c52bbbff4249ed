import { Membership } from "@cdktf/provider-github/lib/membership";
import { GithubProvider } from "@cdktf/provider-github/lib/provider";
import { Construct, type TerraformResource, TerraformStack } from "../cdktf";
import { check, findDeclared } from "../core";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { setRenames } from "../terraform/state-migration";
import { githubLoginProblem } from "./login";
import { Repository, type RepositoryProps } from "./repository";
import { Team, type TeamProps, type TeamRole } from "./team";

export interface GithubOrganizationProps {
  /** Organization login, e.g. `my-org`. The token comes from GITHUB_TOKEN, never from code. */
  readonly name: string;
  /**
   * The github provider for this organization. A second organization in one stack needs its own
   * aliased provider here.
   * @default the stack's un-aliased github provider for the same owner, created once if the stack has none
   */
  readonly provider?: GithubProvider;
  /**
   * Prefix of the logical ids of the organization's resources. Give one to each organization when a
   * stack holds several.
   * @default none, so one organization per stack reads `team_<name>`
   */
  readonly idPrefix?: string;
  /**
   * How team memberships become resources. `per-person`: one `github_team_membership` each, which
   * leaves people added by hand alone and costs one GitHub API read per person on every plan.
   * `per-team`: one authoritative `github_team_members` per team, which removes anyone not
   * declared and costs about two reads per team, so a large organization plans within GitHub's
   * rate limit. Switching is a state migration: see {@link GithubOrganization.membershipSwitch}.
   * @default "per-person"
   */
  readonly membershipMode?: MembershipMode;
}

export type MembershipMode = "per-person" | "per-team";

/** A person's role in the organization: `admin` is an owner. */
export type OrganizationRole = "member" | "admin";

export interface MemberProps {
  /** The person's GitHub login. */
  readonly login: string;
  /** `admin` makes the person an owner. @default "member" */
  readonly role?: OrganizationRole;
  /**
   * Logins the same account had before, oldest first: state held under their addresses (the
   * organization membership and every team membership) moves to the current login's instead of
   * being destroyed. @default none
   */
  readonly previously?: readonly string[];
}

/** A person as a people's file declares them: their membership and their teams. */
export interface PersonProps extends MemberProps {
  /** The declared teams the person belongs to, with their role in each. @default none */
  readonly teams?: Readonly<Record<string, TeamRole>>;
}

/** A person's organization membership. */
export interface OrganizationMember {
  /** GitHub login. */
  readonly login: string;
  /** `admin` (an owner) or `member`. */
  readonly role: OrganizationRole;
  /** Earlier logins of the person, oldest first; empty when none. */
  readonly previously: readonly string[];
  /** The `github_membership`: destroying it removes the person from the organization. */
  readonly resource: Membership;
}

/**
 * A GitHub organization: its members, teams and repositories. Declaring every person with
 * {@link GithubOrganization.addMember} makes the organization's membership authoritative, as
 * peribolos does: an owner demoted to member is an update of the same membership, and a person
 * no longer declared is removed from the organization (their team memberships first).
 */
export class GithubOrganization extends Construct {
  readonly name: string;
  readonly membershipMode: MembershipMode;
  readonly provider: GithubProvider;
  /** What the organization's resources name as their provider: only an aliased one needs naming. */
  readonly resourceProvider: GithubProvider | undefined;
  private readonly memberMap = new Map<string, OrganizationMember>();
  private readonly teamMap = new Map<string, Team>();
  private readonly repositoryMap = new Map<string, Repository>();
  private readonly idPrefix: string | undefined;

  constructor(scope: Construct, id: string, props: GithubOrganizationProps) {
    super(scope, id);
    this.name = props.name;
    this.idPrefix = props.idPrefix;
    this.membershipMode = props.membershipMode ?? "per-person";
    this.provider = props.provider ?? stackProvider(this, props.name);
    this.resourceProvider = this.provider.alias === undefined ? undefined : this.provider;
  }

  /** Every declared member by lower-cased login, owners included. */
  get members(): ReadonlyMap<string, OrganizationMember> {
    return this.memberMap;
  }

  /** The owners' memberships by lower-cased login. */
  get owners(): ReadonlyMap<string, Membership> {
    return new Map(
      [...this.memberMap].flatMap(([key, m]) => (m.role === "admin" ? [[key, m.resource] as const] : [])),
    );
  }

  /** Teams by name. */
  get teams(): ReadonlyMap<string, Team> {
    return this.teamMap;
  }

  /** Repositories by name. */
  get repositories(): ReadonlyMap<string, Repository> {
    return this.repositoryMap;
  }

  /** Gives one of this organization's resources its address, e.g. `github_team.team_core`. */
  claim(resource: TerraformResource, ...parts: readonly string[]): void {
    claimLogicalId(resource, this.addressId(...parts));
  }

  /**
   * Declares that `resource`, named by `parts` now, was named by each of `earlier` before (oldest
   * first): state held under those addresses moves to it (see {@link setRenames}).
   */
  renamed(resource: TerraformResource, earlier: readonly (readonly string[])[]): void {
    setRenames(
      resource,
      earlier.map((parts) => `${resource.terraformResourceType}.${this.addressId(...parts)}`),
    );
  }

  /** The logical id this organization gives a resource named by `parts`. */
  private addressId(...parts: readonly string[]): string {
    return this.idPrefix === undefined ? logicalId(...parts) : logicalId(this.idPrefix, ...parts);
  }

  /**
   * The state migration that takes an existing state from the other membership mode to this one,
   * without removing anyone from a team: in `per-team` mode each team's `github_team_members` is
   * imported and the per-person memberships are forgotten (not destroyed); in `per-person` mode,
   * the reverse. Add it for the first apply after switching; Terraform then only reads.
   */
  membershipSwitch(): MembershipSwitch {
    const teams = [...this.teamMap.values()];
    if (this.membershipMode === "per-team")
      return {
        imported: teams.flatMap((team) =>
          team.membersResource ? [{ to: team.membersResource, id: team.teamId }] : [],
        ),
        forgotten: teams.flatMap((team) =>
          team.logins.map(
            (login) => `github_team_membership.${this.addressId("team_membership", team.name, login)}`,
          ),
        ),
      };
    return {
      imported: teams.flatMap((team) =>
        [...team.memberships.values()].map((membership) => ({
          to: membership,
          id: `${team.teamId}:${membership.usernameInput}`,
        })),
      ),
      forgotten: teams.map((team) => `github_team_members.${this.addressId("team_members", team.name)}`),
    };
  }

  addTeam(props: TeamProps): Team {
    check(this, !this.teamMap.has(props.name), `team ${props.name} is declared twice`);
    // One name, one team: an earlier name is not another team's, now or before.
    for (const other of this.teamMap.values()) {
      const clash = [props.name, ...(props.previously ?? [])].find(
        (name) => name === other.name || other.previously.includes(name),
      );
      check(
        this,
        clash === undefined,
        () =>
          `team ${props.name}: "${clash}" is already team ${other.name}'s name, now or before (expected each team name to belong to one team)`,
      );
    }
    const team = new Team(this, props.name, { ...props, organization: this });
    this.teamMap.set(props.name, team);
    return team;
  }

  /** The declared team called `name`. */
  team(name: string): Team {
    return findDeclared(this, this.teamMap, name, "team");
  }

  addRepository(props: RepositoryProps): Repository {
    check(this, !this.repositoryMap.has(props.name), `repository ${props.name} is declared twice`);
    const repository = new Repository(this, props.name, { ...props, organization: this });
    this.repositoryMap.set(props.name, repository);
    return repository;
  }

  /**
   * Makes a person a member of the organization (or an owner, with role `admin`): one
   * `github_membership` at an address that does not depend on the role, so a promotion or a
   * demotion changes the role in place. Their team memberships wait for it, and are destroyed
   * before it.
   */
  addMember(props: MemberProps): this {
    const { login, role = "member", previously = [] } = props;
    for (const name of [login, ...previously]) {
      const problem = githubLoginProblem(name);
      check(this, problem === undefined, problem ?? "");
    }
    const key = login.toLowerCase();
    check(this, !this.memberMap.has(key), `${login} is already a member of the organization`);
    const earlier = previously.map((name) => name.toLowerCase());
    check(
      this,
      !earlier.includes(key) && new Set(earlier).size === earlier.length,
      () =>
        `previously of ${login} repeats a login or names the current one (expected each earlier login once)`,
    );
    const resource = new Membership(this, `member-${key}`, {
      username: login,
      role,
      provider: this.resourceProvider,
    });
    this.claim(resource, "org_member", key);
    this.renamed(
      resource,
      earlier.map((name) => ["org_member", name]),
    );
    const member = { login, role, previously: earlier, resource };
    this.memberMap.set(key, member);
    for (const team of this.teamMap.values()) team.joinedOrganization(member);
    return this;
  }

  /**
   * Declares a person, as the one-file flow has them: their membership ({@link addMember}) and a
   * membership of each of their teams, so deleting the person's file offboards them.
   */
  addPerson(props: PersonProps): this {
    this.addMember(props);
    for (const [team, role] of Object.entries(props.teams ?? {}))
      this.team(team).addMember(props.login, role);
    return this;
  }

  /** Makes a person an organization owner: {@link addMember} with role `admin`. */
  addOwner(login: string): this {
    return this.addMember({ login, role: "admin" });
  }
}

/** Resources to import and old addresses to forget when switching membership modes. */
export interface MembershipSwitch {
  readonly imported: readonly { readonly to: TerraformResource; readonly id: string }[];
  readonly forgotten: readonly string[];
}

/** The stack's un-aliased github provider for `owner`, created once; another owner is an error. */
function stackProvider(scope: Construct, owner: string): GithubProvider {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.children.find(
    (c): c is GithubProvider => c instanceof GithubProvider && c.alias === undefined,
  );
  if (!existing) return new GithubProvider(stack, "github", { owner });
  check(
    scope,
    existing.owner === owner,
    () =>
      `the stack's github provider is for "${existing.owner}", not "${owner}" (expected an aliased provider in props.provider for a second organization)`,
  );
  return existing;
}
