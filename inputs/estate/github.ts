import type {
  MembershipMode,
  RepositoryPermission,
  RepositoryVisibility,
  TeamPrivacy,
} from "@void-linux/infra-constructs/github";
import { z } from "zod";
import { distinct, fields, name, text, url } from "./fields";

/** `estate/github.yaml`: the organization, its teams and what every repository gets by default. */

const MEMBERSHIP_MODES = ["per-person", "per-team"] as const satisfies readonly MembershipMode[];
const TEAM_PRIVACY = ["closed", "secret"] as const satisfies readonly TeamPrivacy[];
const PERMISSIONS = [
  "pull",
  "triage",
  "push",
  "maintain",
  "admin",
] as const satisfies readonly RepositoryPermission[];
const VISIBILITIES = ["public", "private", "internal"] as const satisfies readonly RepositoryVisibility[];

const topic = z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, {
  error: "is not a topic (expected lower-case letters, digits and hyphens, at most 50)",
});

export const githubSchema = fields({
  organization: name.describe("The GitHub organization's login, e.g. void-linux."),
  membershipMode: z
    .enum(MEMBERSHIP_MODES)
    .optional()
    .describe(
      "per-person (one membership resource per person and team; the default) or per-team (one member list per team, for very large organizations).",
    ),
  operatorTeam: name.describe(
    "The operators' team: joining it is a grant of power, reviewed by its members.",
  ),
  teams: z
    .array(
      fields({
        name: name.describe("Team name as shown on GitHub."),
        description: text.describe("One line shown on the team page."),
        privacy: z
          .enum(TEAM_PRIVACY)
          .optional()
          .describe("closed (visible to the organization; default) or secret."),
        previously: distinct(name)
          .optional()
          .describe(
            "Names the team had before, oldest first, as peribolos's previously: renaming keeps the team, its memberships and its repository access instead of destroying them.",
          ),
      }),
    )
    .min(1)
    .describe("The teams; people join them in maintainers/<login>.yaml."),
  repositoryDefaults: fields({
    hasIssues: z.boolean().optional().describe("Issue tracker enabled unless a repository says otherwise."),
    topics: distinct(topic).optional().describe("Topics that lead every repository's own."),
  })
    .default({})
    .describe("Settings every repository gets unless its file sets its own."),
}).describe(
  "A GitHub organization: its login, teams, operators' team and repository defaults (with the estate, its repositories live in estate/repositories/).",
);

export type GithubFile = z.output<typeof githubSchema>;

/** `estate/repositories/<name>.yaml`: one repository, named by its file, and which teams get which role on it. */
export const repositorySchema = fields({
  description: text.describe("One line shown on the repository page."),
  homepageUrl: url.optional().describe("Website shown on the repository page."),
  topics: distinct(topic).optional().describe("Topics after the organization's default ones."),
  archived: z.boolean().optional().describe("Read-only archive."),
  visibility: z.enum(VISIBILITIES).optional().describe("public (default), private or internal."),
  hasIssues: z
    .boolean()
    .optional()
    .describe("Issue tracker; default the organization's repository_defaults."),
  hasDiscussions: z.boolean().optional().describe("Discussions enabled (default false)."),
  hasWiki: z.boolean().optional().describe("Wiki enabled (default false)."),
  hasProjects: z.boolean().optional().describe("Repository projects enabled (default false)."),
  hasDownloads: z.boolean().optional().describe("Downloads enabled (default false)."),
  webCommitSignoffRequired: z.boolean().optional().describe("Commits made on the web need a sign-off."),
  vulnerabilityAlerts: z.boolean().optional().describe("Dependabot vulnerability alerts."),
  merge: fields({
    allowMergeCommit: z.boolean().optional(),
    allowSquashMerge: z.boolean().optional(),
    allowRebaseMerge: z.boolean().optional(),
    allowAutoMerge: z.boolean().optional(),
    allowUpdateBranch: z.boolean().optional(),
    deleteBranchOnMerge: z.boolean().optional(),
  })
    .optional()
    .describe("Which merge buttons the repository offers (provider defaults where left out)."),
  pages: fields({
    branch: name.describe("Branch GitHub Pages publishes from."),
    path: z.enum(["/", "/docs"]).optional().describe("Folder in that branch (default /)."),
    cname: z.string().min(1).optional().describe("Custom domain served by Pages."),
    buildType: z.enum(["legacy", "workflow"]).optional().describe("legacy (default) or workflow."),
  })
    .optional()
    .describe("GitHub Pages site."),
  access: z
    .record(name, z.enum(PERMISSIONS))
    .default({})
    .describe("Team name to role: pull, triage, push, maintain or admin."),
}).describe("One repository of the organization; the file is named <repository>.yaml.");

export type RepositoryFile = z.output<typeof repositorySchema>;
