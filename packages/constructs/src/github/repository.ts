import { Repository as GithubRepository } from "@cdktf/provider-github/lib/repository";
import { TeamRepository } from "@cdktf/provider-github/lib/team-repository";
import { Construct } from "../cdktf";
import { check } from "../core";
import type { GithubOrganization } from "./organization";
import type { ITeam } from "./team";

/** GitHub's repository roles, weakest first. */
export type RepositoryPermission = "pull" | "triage" | "push" | "maintain" | "admin";
export type RepositoryVisibility = "public" | "private" | "internal";

export interface MergeSettings {
  /** Allow merge commits. @default provider default (true) */
  readonly allowMergeCommit?: boolean;
  /** Allow squash merging. @default provider default (true) */
  readonly allowSquashMerge?: boolean;
  /** Allow rebase merging. @default provider default (true) */
  readonly allowRebaseMerge?: boolean;
  /** Allow auto-merge on pull requests. @default false */
  readonly allowAutoMerge?: boolean;
  /** Offer to update a pull request's branch. @default false */
  readonly allowUpdateBranch?: boolean;
  /** Delete head branches after merge. @default false */
  readonly deleteBranchOnMerge?: boolean;
}

export interface PagesSettings {
  /** Branch GitHub Pages publishes from. */
  readonly branch: string;
  /** Folder in that branch. @default "/" */
  readonly path?: "/" | "/docs";
  /** Custom domain served by Pages. @default none */
  readonly cname?: string;
  /** `legacy` publishes the branch; `workflow` runs a GitHub Actions workflow. @default "legacy" */
  readonly buildType?: "legacy" | "workflow";
}

export interface RepositoryProps {
  /** Repository name; also part of its Terraform address (`github_repository.repo_<name>`). */
  readonly name: string;
  /** The repository's one-line description on GitHub. */
  readonly description: string;
  /** Website shown on the repository page. @default none */
  readonly homepageUrl?: string;
  /** Topics, lower-case words joined by hyphens. @default none */
  readonly topics?: readonly string[];
  /** Read-only archive. @default provider default (false) */
  readonly archived?: boolean;
  /** @default provider default ("public") */
  readonly visibility?: RepositoryVisibility;
  /** Issue tracker enabled. @default provider default */
  readonly hasIssues?: boolean;
  /** Discussions enabled. @default false */
  readonly hasDiscussions?: boolean;
  /** Wiki enabled. @default false */
  readonly hasWiki?: boolean;
  /** Repository projects enabled. @default false */
  readonly hasProjects?: boolean;
  /** Downloads enabled. @default false */
  readonly hasDownloads?: boolean;
  /** Commits made on the web need a sign-off. @default false */
  readonly webCommitSignoffRequired?: boolean;
  /** Dependabot vulnerability alerts. @default provider default */
  readonly vulnerabilityAlerts?: boolean;
  /** Which merge buttons the repository offers. @default provider defaults */
  readonly merge?: MergeSettings;
  /** GitHub Pages site. @default no Pages */
  readonly pages?: PagesSettings;
}

const REPOSITORY_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;

/**
 * A GitHub repository and the teams that may work on it. Create it with
 * `GithubOrganization.addRepository`.
 *
 * The provider sends the repository's feature switches (discussions, wiki, projects, downloads,
 * auto-merge, branch updates, web sign-off, branch deletion) on every update, so this construct
 * writes each one explicitly, `false` unless set: a setting is never changed by an unrelated edit.
 */
export class Repository extends Construct {
  readonly name: string;
  readonly resource: GithubRepository;
  private readonly grantMap = new Map<string, TeamRepository>();
  private readonly organization: GithubOrganization;

  constructor(
    scope: Construct,
    id: string,
    props: RepositoryProps & { readonly organization: GithubOrganization },
  ) {
    super(scope, id);
    this.name = props.name;
    this.organization = props.organization;
    check(
      this,
      REPOSITORY_NAME.test(props.name),
      `"${props.name}" is not a valid repository name (expected 1-100 letters, digits, ".", "_" or "-")`,
    );
    for (const topic of props.topics ?? []) {
      check(
        this,
        TOPIC.test(topic),
        `topic "${topic}" is invalid (expected lower-case letters, digits and hyphens, at most 50)`,
      );
    }
    check(
      this,
      new Set(props.topics).size === (props.topics?.length ?? 0),
      "topics repeat (expected each topic once)",
    );
    if (props.homepageUrl !== undefined) {
      check(
        this,
        URL.canParse(props.homepageUrl),
        `homepageUrl "${props.homepageUrl}" is not a URL (expected https://...)`,
      );
    }
    const { pages, merge } = props;
    this.resource = new GithubRepository(this, "repository", {
      name: props.name,
      description: props.description,
      homepageUrl: props.homepageUrl,
      topics: props.topics ? [...props.topics] : undefined,
      archived: props.archived,
      visibility: props.visibility,
      hasIssues: props.hasIssues,
      hasDiscussions: props.hasDiscussions ?? false,
      hasWiki: props.hasWiki ?? false,
      hasProjects: props.hasProjects ?? false,
      hasDownloads: props.hasDownloads ?? false,
      webCommitSignoffRequired: props.webCommitSignoffRequired ?? false,
      vulnerabilityAlerts: props.vulnerabilityAlerts,
      allowMergeCommit: merge?.allowMergeCommit,
      allowSquashMerge: merge?.allowSquashMerge,
      allowRebaseMerge: merge?.allowRebaseMerge,
      allowAutoMerge: merge?.allowAutoMerge ?? false,
      allowUpdateBranch: merge?.allowUpdateBranch ?? false,
      deleteBranchOnMerge: merge?.deleteBranchOnMerge ?? false,
      pages: pages && {
        cname: pages.cname,
        buildType: pages.buildType ?? "legacy",
        source: { branch: pages.branch, path: pages.path ?? "/" },
      },
      provider: props.organization.resourceProvider,
    });
    props.organization.claim(this.resource, "repo", props.name);
  }

  /** Team grants by team name. */
  get grants(): ReadonlyMap<string, TeamRepository> {
    return this.grantMap;
  }

  /** Gives a team a role on this repository (one role per team). */
  grant(team: ITeam, permission: RepositoryPermission): this {
    const existing = this.grantMap.get(team.name);
    check(
      this,
      !existing,
      () => `team ${team.name} already has ${existing?.permissionInput} (expected one permission per team)`,
    );
    // The repository by reference: a grant waits for the repository it names.
    const grant = new TeamRepository(this, `team-${team.name}`, {
      teamId: team.teamId,
      repository: this.resource.name,
      permission,
      provider: this.organization.resourceProvider,
    });
    this.organization.claim(grant, "team_repo", this.name, team.name);
    this.organization.renamed(
      grant,
      (team.previously ?? []).map((name) => ["team_repo", this.name, name]),
    );
    this.grantMap.set(team.name, grant);
    return this;
  }
}
