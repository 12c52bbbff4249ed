/**
 * Where the data people edit lives in the repository, as repository-relative paths: the layouts
 * the loaders read by, and `pr-data` takes a pull request's files by (./data-files.ts adds the
 * size limits), with the folders the organization's definition names. Deliberately light on
 * imports, so a bot that needs a path or two bundles nothing else.
 */
import { GITHUB_LOGIN } from "@void-linux/infra-constructs/github/login";

/**
 * A directory of data files, one `<name>.yaml` each: its loader reads every name `fileName`
 * allows, refuses any other in these words, and passes over the names in `ignore`.
 */
export interface DataDirectory {
  /** Repository-relative. */
  readonly dir: string;
  /** The file names the loader reads (each `<stem>.yaml`). */
  readonly fileName: RegExp;
  /** What one of its files is, as a refusal of a bad name says it: `a machine file`. */
  readonly what: string;
  /** The name expected, as a refusal says it: `<machine>.yaml, a lower-case DNS label`. */
  readonly expected: string;
  /** Names the directory holds besides data (the schema generated for editors), never read. */
  readonly ignore?: ReadonlySet<string>;
}

/**
 * Where the organization's definition lives, at the root of every checkout: the one path the flow
 * knows by name. Everything else it reads (the people's folder, the teams, the override file, the
 * data sets) the definition names (`inputs/organization/`).
 */
export const ORGANIZATION_FILE = "organization.yaml";

/** The JSON Schema generated for editors of {@link ORGANIZATION_FILE}, beside it. */
export const ORGANIZATION_SCHEMA_FILE = "organization.schema.json";

/**
 * A repository-relative path of plain names, as the organization's definition names its folders
 * and files: no `/` at either end, no `.` or `..`, nothing hidden.
 */
export const RELATIVE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/**
 * What the loader reads as someone's file: `<name>.yaml` with a name GitHub could nearly allow, so
 * hidden files and `.yaml` alone are refused while `carol--x.yaml` gets the precise message about
 * its `github:` field.
 */
export const MAINTAINER_FILE = /^[A-Za-z0-9][A-Za-z0-9-]*\.yaml$/;

/** The JSON Schema generated for editors in the people's folder (it lists the organization's teams). */
export const MAINTAINER_SCHEMA_FILE = "schema.json";

/** The people's files in `folder` (repository-relative), as their loader reads them. */
export function peopleDirectory(folder: string): DataDirectory {
  return {
    dir: folder,
    fileName: MAINTAINER_FILE,
    what: "a maintainer file",
    expected: "<github-login>.yaml",
    ignore: new Set([MAINTAINER_SCHEMA_FILE]),
  };
}

/** Whether `name` (a file name in the people's folder) is `<github-login>.yaml`. */
function isMaintainerFileName(name: string): boolean {
  return name.endsWith(".yaml") && GITHUB_LOGIN.test(name.slice(0, -".yaml".length));
}

/**
 * Whether the repository path `path` is a person's file, `<folder>/<github-login>.yaml`, with
 * `folder` the people's folder the organization's definition names. The one definition the
 * approval routing and the review bot share: anything else under the folder (a hidden file, an
 * invisible character, a subdirectory) is not a person's file and needs the operators.
 */
export function isPersonFile(path: string, folder: string): boolean {
  const prefix = `${folder}/`;
  return path.startsWith(prefix) && isMaintainerFileName(path.slice(prefix.length));
}

/** The login a person's file `<folder>/<login>.yaml` is named after. */
export function loginOfPersonFile(path: string, folder: string): string {
  return path.slice(folder.length + 1, -".yaml".length);
}

/** Where the estate's mirror list (a copy of xmirror's `mirrors.yaml`) lives in the repository. */
export const MIRRORS_FILE = "estate/mirrors.yaml";

/** The estate's data files that hold one kind of thing each, by kind. */
export const ESTATE_FILES = {
  github: "estate/github.yaml",
  access: "estate/access.yaml",
  hosts: "estate/hosts.yaml",
  digitalocean: "estate/digitalocean.yaml",
  dns: "estate/dns.yaml",
  proxies: "estate/proxies.yaml",
  nomad: "estate/nomad.yaml",
  consul: "estate/consul.yaml",
  vault: "estate/vault.yaml",
  tls: "estate/tls.yaml",
} as const;

/**
 * The estate's directories of one file per entity, each `<name>.yaml`, so adding one is a pull
 * request of one new file. The patterns allow what the entity's name allows (a GitHub repository
 * name, a DNS label), never `.` or `..` alone.
 */
export const ESTATE_DIRECTORIES = {
  repositories: {
    dir: "estate/repositories",
    fileName: /^(?!\.\.?\.yaml$)[A-Za-z0-9._-]{1,100}\.yaml$/,
    what: "a repository file",
    expected: "<repository>.yaml",
  },
  machines: {
    dir: "estate/machines",
    fileName: /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.yaml$/,
    what: "a machine file",
    expected: "<machine>.yaml, a lower-case DNS label",
  },
  services: {
    dir: "estate/services",
    fileName: /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.yaml$/,
    what: "a service file",
    expected: "<service>.yaml",
  },
} as const satisfies Record<string, DataDirectory>;

/** Where the JSON Schemas of the estate's files are generated (`npm run schema`). */
export const ESTATE_SCHEMA_DIR = "estate/schemas";
