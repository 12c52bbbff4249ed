/**
 * What one `terraform plan` of a stack costs in GitHub API reads: the refresh reads every managed
 * GitHub resource. The costs are taken from integrations/github at the pinned release (6.9.0),
 * function and lines cited; a 304 answer to a conditional read is free of rate limit but still a
 * round trip, so the table counts the worst case, every read answered in full.
 */
import { asRecord, isRecord } from "../runtime/values";

/** REST reads per resource on refresh, and the provider code that makes them (github/…, v6.9.0). */
const REST_READS: Readonly<
  Record<string, { readonly reads: (body: Record<string, unknown>) => number; readonly source: string }>
> = {
  github_membership: {
    reads: () => 1,
    source: "resource_github_membership.go:resourceGithubMembershipRead (GetOrgMembership)",
  },
  github_team: { reads: () => 1, source: "resource_github_team.go:resourceGithubTeamRead (GetTeamByID)" },
  github_team_membership: {
    reads: () => 1,
    source: "resource_github_team_membership.go:resourceGithubTeamMembershipRead (GetTeamMembershipByID)",
  },
  github_team_repository: {
    reads: () => 1,
    source: "resource_github_team_repository.go:resourceGithubTeamRepositoryRead (IsTeamRepoByID)",
  },
  github_repository: {
    // Get, then GetVulnerabilityAlerts; GetPagesInfo when the repository has Pages.
    reads: (body) => 2 + (body.pages === undefined ? 0 : 1),
    source:
      "resource_github_repository.go:resourceGithubRepositoryRead (Get, GetPagesInfo, GetVulnerabilityAlerts)",
  },
  github_team_members: {
    reads: () => 1,
    source: "resource_github_team_members.go:resourceGithubTeamMembersRead (getTeamSlug: GetTeamByID)",
  },
};

/** GraphQL queries per resource: the team's immediate members, 100 per page. */
const GRAPHQL_PAGE = 100;

export interface RefreshCost {
  /** REST requests against the 5,000-an-hour budget of a token. */
  readonly rest: number;
  /** GraphQL queries (a separate points budget, at least one point each). */
  readonly graphql: number;
}

/** The GitHub API reads one plan of a synthesized stack makes; zero for a stack without GitHub. */
export function githubRefreshCost(stack: unknown): RefreshCost {
  const resources = isRecord(stack) && isRecord(stack.resource) ? stack.resource : {};
  const providers = isRecord(stack) && isRecord(stack.provider) ? stack.provider : {};
  const configurations = Array.isArray(providers.github) ? providers.github.length : 0;
  // ConfigureOwner: one GET /orgs/{owner} per provider configuration (config.go:120-144).
  let rest = configurations;
  let graphql = 0;
  for (const [type, byName] of Object.entries(resources)) {
    const cost = REST_READS[type];
    if (!cost || !isRecord(byName)) continue;
    for (const body of Object.values(byName)) {
      const config = asRecord(body);
      rest += cost.reads(config);
      if (type === "github_team_members") {
        const members = Array.isArray(config.members) ? config.members.length : 0;
        graphql += Math.max(1, Math.ceil(members / GRAPHQL_PAGE));
      }
    }
  }
  return { rest, graphql };
}

/** The cost table as Markdown, with where each cost comes from: printed by the benchmark. */
export function refreshCostTable(): string {
  return [
    "| resource type | REST reads per refresh | where (integrations/github v6.9.0, github/) |",
    "|---|---|---|",
    ...Object.entries(REST_READS).map(([type, { source }]) => {
      const reads =
        type === "github_repository"
          ? "2, 3 with Pages"
          : type === "github_team_members"
            ? "1 + ⌈members/100⌉ GraphQL"
            : "1";
      return `| \`${type}\` | ${reads} | ${source} |`;
    }),
    "| provider configuration | 1 (`GET /orgs/{owner}`) | config.go:ConfigureOwner |",
  ].join("\n");
}
