import { Membership } from "@cdktf/provider-github/lib/membership";
import { GithubProvider } from "@cdktf/provider-github/lib/provider";
import { Construct, type TerraformResource, TerraformStack } from "../../runtime/cdktf";
import { check, findDeclared } from "../../runtime/errors";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { githubLoginProblem } from "./login";
import { Repository, type RepositoryProps } from "./repository";
import { Team, type TeamProps } from "./team";

export interface GithubOrganizationProps {
  /** Organization login, e.g. `my-org`. The token comes from GITHUB_TOKEN, never from code. */
  readonly name: string;
  /**
   * The github provider for this organization; default the stack's un-aliased github provider
   * for the same owner, created once if the stack has none. A second organization in one stack
   * needs its own aliased provider here.
   */
  readonly provider?: GithubProvider;
  /**
   * Prefix of the logical ids of the organization's resources; default none, so one organization
   * per stack reads `team_<name>`. Give one to each organization when a stack holds several.
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

/** A GitHub organization: its owners, teams and repositories. */
export class GithubOrganization extends Construct {
  readonly name: string;
  readonly membershipMode: MembershipMode;
  readonly provider: GithubProvider;
  /** What the organization's resources name as their provider: only an aliased one needs naming. */
  readonly resourceProvider: GithubProvider | undefined;
  private readonly ownerMap = new Map<string, Membership>();
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

  /** The owners' memberships by lower-cased login. */
  get owners(): ReadonlyMap<string, Membership> {
    return this.ownerMap;
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

  /** Makes a person an organization owner (role admin). */
  addOwner(login: string): this {
    const problem = githubLoginProblem(login);
    check(this, problem === undefined, problem ?? "");
    const key = login.toLowerCase();
    check(this, !this.ownerMap.has(key), `${login} is already an owner`);
    const membership = new Membership(this, `owner-${key}`, {
      username: login,
      role: "admin",
      provider: this.resourceProvider,
    });
    this.claim(membership, "org_owner", key);
    this.ownerMap.set(key, membership);
    return this;
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
