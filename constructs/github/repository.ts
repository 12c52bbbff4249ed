import { Repository as GithubRepository } from "@cdktf/provider-github/lib/repository";
import { TeamRepository } from "@cdktf/provider-github/lib/team-repository";
import { Construct } from "../cdktf";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { check } from "../validation";
import type { Team } from "./team";

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
}

export interface PagesSettings {
  /** Branch GitHub Pages publishes from. */
  readonly branch: string;
  /** Folder in that branch. @default "/" */
  readonly path?: "/" | "/docs";
  /** Custom domain served by Pages. @default none */
  readonly cname?: string;
}

export interface RepositoryProps {
  /** Repository name; also its Terraform address (`github_repository.repo_<name>`). */
  readonly name: string;
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
  /** Dependabot vulnerability alerts. @default provider default */
  readonly vulnerabilityAlerts?: boolean;
  /** Which merge buttons the repository offers. @default provider defaults */
  readonly merge?: MergeSettings;
  /** GitHub Pages site. @default no Pages */
  readonly pages?: PagesSettings;
}

const REPOSITORY_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;

/** A GitHub repository and the teams that may work on it. Create it with `GithubOrganization.addRepository`. */
export class Repository extends Construct {
  readonly name: string;
  private readonly grants = new Map<string, RepositoryPermission>();

  constructor(scope: Construct, props: RepositoryProps) {
    super(scope, props.name);
    this.name = props.name;
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
    const repository = new GithubRepository(this, "repository", {
      name: props.name,
      description: props.description,
      homepageUrl: props.homepageUrl,
      topics: props.topics ? [...props.topics] : undefined,
      archived: props.archived,
      visibility: props.visibility,
      hasIssues: props.hasIssues,
      vulnerabilityAlerts: props.vulnerabilityAlerts,
      allowMergeCommit: merge?.allowMergeCommit,
      allowSquashMerge: merge?.allowSquashMerge,
      allowRebaseMerge: merge?.allowRebaseMerge,
      pages: pages && { cname: pages.cname, source: { branch: pages.branch, path: pages.path ?? "/" } },
    });
    claimLogicalId(repository, logicalId("repo", props.name));
  }

  /** Gives a team a role on this repository (one role per team). */
  grant(team: Team, permission: RepositoryPermission): this {
    check(
      this,
      !this.grants.has(team.name),
      `team ${team.name} already has ${this.grants.get(team.name)} (expected one permission per team)`,
    );
    this.grants.set(team.name, permission);
    const grant = new TeamRepository(this, `team-${team.name}`, {
      teamId: team.id,
      repository: this.name,
      permission,
    });
    claimLogicalId(grant, logicalId("team_repo", this.name, team.name));
    return this;
  }
}
