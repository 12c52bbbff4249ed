import { Membership } from "@cdktf/provider-github/lib/membership";
import { GithubProvider } from "@cdktf/provider-github/lib/provider";
import { Construct, type TerraformResource, TerraformStack } from "../../runtime/cdktf";
import { check, ValidationError } from "../../runtime/errors";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { GITHUB_LOGIN } from "./login";
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
}

/** A GitHub organization: its owners, teams and repositories. */
export class GithubOrganization extends Construct {
  readonly name: string;
  readonly provider: GithubProvider;
  /** What the organization's resources name as their provider: only an aliased one needs naming. */
  readonly resourceProvider: GithubProvider | undefined;
  /** The owners' memberships by lower-cased login. */
  readonly owners: ReadonlyMap<string, Membership>;
  /** Teams by name. */
  readonly teams: ReadonlyMap<string, Team>;
  /** Repositories by name. */
  readonly repositories: ReadonlyMap<string, Repository>;
  private readonly ownerMap = new Map<string, Membership>();
  private readonly teamMap = new Map<string, Team>();
  private readonly repositoryMap = new Map<string, Repository>();
  private readonly idPrefix: string | undefined;

  constructor(scope: Construct, id: string, props: GithubOrganizationProps) {
    super(scope, id);
    this.name = props.name;
    this.idPrefix = props.idPrefix;
    this.provider = props.provider ?? stackProvider(this, props.name);
    this.resourceProvider = this.provider.alias === undefined ? undefined : this.provider;
    this.owners = this.ownerMap;
    this.teams = this.teamMap;
    this.repositories = this.repositoryMap;
  }

  /** Gives one of this organization's resources its address, e.g. `github_team.team_core`. */
  claim(resource: TerraformResource, ...parts: readonly string[]): void {
    claimLogicalId(
      resource,
      this.idPrefix === undefined ? logicalId(...parts) : logicalId(this.idPrefix, ...parts),
    );
  }

  addTeam(props: TeamProps): Team {
    check(this, !this.teamMap.has(props.name), `team ${props.name} is declared twice`);
    const team = new Team(this, props.name, { ...props, organization: this });
    this.teamMap.set(props.name, team);
    return team;
  }

  /** The declared team called `name`. */
  team(name: string): Team {
    const team = this.teamMap.get(name);
    if (!team)
      throw new ValidationError(
        this,
        `no team called "${name}" (declared: ${[...this.teamMap.keys()].join(", ")})`,
      );
    return team;
  }

  addRepository(props: RepositoryProps): Repository {
    check(this, !this.repositoryMap.has(props.name), `repository ${props.name} is declared twice`);
    const repository = new Repository(this, props.name, { ...props, organization: this });
    this.repositoryMap.set(props.name, repository);
    return repository;
  }

  /** Makes a person an organization owner (role admin). */
  addOwner(login: string): this {
    check(this, GITHUB_LOGIN.test(login), `"${login}" is not a valid GitHub login`);
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
