import { z } from "zod";
import { distinct } from "../estate/fields";
import { type GithubFile, githubSchema } from "../estate/github";
import { RELATIVE_PATH } from "../files";
import { refineVisibleText } from "../visible-text";

/**
 * The one schema of `organization.yaml`, the organization's definition: what the one-file flow
 * (validate, the safety valves, who approves, the review diff, `pr-data`) needs to know of the
 * organization whose checkout it runs in. It is the source of the TypeScript type, the runtime
 * validation and the committed `organization.schema.json` (`npm run schema`).
 */

/**
 * The data sets besides people that this code can read, each at the place its loader defines:
 * `estate`, the estate's data files under `estate/` (machines, DNS, repositories, policies: what
 * Void's stacks are built from), and `mirrors`, the mirror list `estate/mirrors.yaml`.
 */
export const DATA_SETS = ["estate", "mirrors"] as const;
export type DataSet = (typeof DATA_SETS)[number];

const folder = z.string().regex(RELATIVE_PATH, {
  error: "is not a folder of the repository (expected a relative path of plain names, such as maintainers)",
});

const yamlFile = z.string().regex(/^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.yaml$/, {
  error:
    "is not a YAML file of the repository (expected a relative path of plain names ending in .yaml, such as OVERRIDES.yaml)",
});

export const organizationSchema = z
  .strictObject({
    name: z
      .string()
      // Before trimming, which would drop an invisible character at either end unseen.
      .superRefine(refineVisibleText)
      .trim()
      .min(1)
      .max(100, { error: "is longer than 100 characters (expected the organization's name)" })
      .describe("The organization's name, as the people's schema says it: \"A Void Linux maintainer\"."),
    people: folder.describe(
      "The folder of people's files, one <github-login>.yaml each: onboarding adds one, offboarding deletes it, and who approves is decided by what it changes.",
    ),
    github: z
      .union([yamlFile, githubSchema])
      .describe(
        "The GitHub organization whose teams people join: the path of the file that declares it (organization, operator_team, teams; as estate/github.yaml does), or those fields written here.",
      ),
    overrides: yamlFile
      .optional()
      .describe(
        "The safety valves' override file, which only the operators approve (e.g. OVERRIDES.yaml); without one, a mass removal cannot be overridden.",
      ),
    data: distinct(z.enum(DATA_SETS))
      .default([])
      .describe(
        "The data sets the checkout holds besides its people, of those this code reads: estate (the estate's data files under estate/, which Void's stacks are built from) and mirrors (the mirror list estate/mirrors.yaml). An organization with only people lists none.",
      ),
  })
  .describe(
    "An organization's definition for the one-file flow: its people's folder, its GitHub organization and operators' team, its override file and its data sets.",
  );

/** `organization.yaml` as written: the GitHub organization may still be a path. */
export type OrganizationDefinition = z.output<typeof organizationSchema>;

/** The definition with its GitHub organization read: what the flow works from. */
export interface Organization extends Omit<OrganizationDefinition, "github"> {
  /** The GitHub organization: its login, teams and operators' team. */
  readonly github: GithubFile;
  /** Where the GitHub organization is declared: the file the definition names, or the definition itself. */
  readonly githubFile: string;
}
