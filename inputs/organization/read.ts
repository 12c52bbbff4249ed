import { lstatSync } from "node:fs";
import { join } from "node:path";
import { DataError, type Diagnostic, fileDiagnostic } from "../../runtime/diagnostics";
import { catBlobs, projectPrefix } from "../../runtime/git";
import { decodeInputBytes, INPUT_LIMITS } from "../../runtime/input-file";
import { type GithubFile, githubSchema } from "../estate/github";
import { ORGANIZATION_FILE } from "../files";
import { parseDocumentWith } from "../schema-issues";
import { parseYamlText, readYamlFile } from "../yaml-files";
import type { YamlSource } from "../yaml-source";
import { DEFINITION_CHECKS } from "./checks";
import { type Organization, type OrganizationDefinition, organizationSchema } from "./schema";

/**
 * Reading the organization's definition, from a checkout (what validate, the review diff and
 * `pr-data` run on) or from a commit's git objects (the base of a change, which decides who
 * approves it: the change never routes itself).
 */

/** Reads one repository path as YAML, or adds its problems; `expected` says what should be there. */
type Reader = (
  path: string,
  maxBytes: number,
  expected: string,
  problems: Diagnostic[],
) => YamlSource | undefined;

const DEFINITION_EXPECTED =
  "expected the organization's definition: its people's folder, its GitHub organization and its data sets; see README, For other organizations";
const GITHUB_EXPECTED =
  "expected the GitHub organization that organization.yaml names: its teams and operators' team";

/** The checkout at `root`, through the safe reader. */
function checkoutReader(root: string): Reader {
  return (path, maxBytes, expected, problems) => {
    if (!lstatSync(join(root, path), { throwIfNoEntry: false })) {
      problems.push(fileDiagnostic(path, `does not exist (${expected})`));
      return undefined;
    }
    return readYamlFile(join(root, path), path, maxBytes, problems);
  };
}

/** The commit `commit` of the repository at `cwd`, from git objects; messages name the commit. */
function commitReader(cwd: string, commit: string): Reader {
  const top = projectPrefix(cwd);
  return (path, maxBytes, expected, problems) => {
    const display = `${path} at ${commit.slice(0, 12)}`;
    const [blob] = catBlobs(cwd, [`${commit}:${top}${path}`]);
    if (blob === undefined) {
      problems.push(fileDiagnostic(display, `does not exist (${expected})`));
      return undefined;
    }
    return parseYamlText(() => decodeInputBytes(blob, display, maxBytes), display, problems);
  };
}

function parseDefinition(read: Reader, problems: Diagnostic[]): OrganizationDefinition | undefined {
  const source = read(ORGANIZATION_FILE, INPUT_LIMITS.organizationFile, DEFINITION_EXPECTED, problems);
  const definition = source && parseDocumentWith(source, organizationSchema, problems);
  if (!source || !definition) return undefined;
  const broken = DEFINITION_CHECKS.flatMap((check) => check(source, definition));
  problems.push(...broken);
  return broken.length === 0 ? definition : undefined;
}

function parseGithub(
  read: Reader,
  definition: OrganizationDefinition,
  problems: Diagnostic[],
): GithubFile | undefined {
  if (typeof definition.github !== "string") return definition.github;
  const source = read(definition.github, INPUT_LIMITS.estateFile, GITHUB_EXPECTED, problems);
  return source && parseDocumentWith(source, githubSchema, problems);
}

/** The organization `definition` defines, with `github`, the GitHub organization it names, read. */
export function withGithub(definition: OrganizationDefinition, github: GithubFile): Organization {
  return {
    ...definition,
    github,
    githubFile: typeof definition.github === "string" ? definition.github : ORGANIZATION_FILE,
  };
}

/** The definition of the checkout at `root`, or undefined with its problems added to `problems`. */
export function readDefinition(root: string, problems: Diagnostic[]): OrganizationDefinition | undefined {
  return parseDefinition(checkoutReader(root), problems);
}

/** The GitHub organization `definition` names, read from the checkout at `root`; its problems go to `problems`. */
export function readGithub(
  root: string,
  definition: OrganizationDefinition,
  problems: Diagnostic[],
): GithubFile | undefined {
  return parseGithub(checkoutReader(root), definition, problems);
}

/** The organization of the checkout at `root`, or one {@link DataError} with every problem. */
export function loadOrganization(root: string): Organization {
  const problems: Diagnostic[] = [];
  const definition = readDefinition(root, problems);
  const github = definition && readGithub(root, definition, problems);
  if (!definition || !github) throw new DataError(problems);
  return withGithub(definition, github);
}

/**
 * The definition at `commit`, read leniently from git objects: undefined when the commit has none
 * or an unsound one (a base older than definitions, say), for callers that then read the base as
 * the checkout defines it.
 */
export function definitionAt(cwd: string, commit: string): OrganizationDefinition | undefined {
  return parseDefinition(commitReader(cwd, commit), []);
}

/**
 * The organization as `commit` defines it, with its GitHub organization read at the same commit:
 * who may approve a change is decided by its base, never by the change. Strict: a base without a
 * sound definition throws one {@link DataError}, so the routing fails closed.
 */
export function organizationAt(cwd: string, commit: string): Organization {
  const read = commitReader(cwd, commit);
  const problems: Diagnostic[] = [];
  const definition = parseDefinition(read, problems);
  const github = definition && parseGithub(read, definition, problems);
  if (!definition || !github) throw new DataError(problems);
  return withGithub(definition, github);
}
