/**
 * Where the data people edit lives in the repository, as repository-relative paths. Deliberately
 * free of imports, so a command that only needs the paths (`pr-data`) bundles no parser.
 */

/** The directory of people's files, one `<login>.yaml` each. */
export const MAINTAINERS_DIR = "maintainers";

/** `<login>.yaml`: what GitHub allows in a login, so hidden files and `.yaml` alone are refused. */
export const MAINTAINER_FILE = /^[A-Za-z0-9][A-Za-z0-9-]*\.yaml$/;

/** Where the estate's mirror list (a copy of xmirror's `mirrors.yaml`) lives in the repository. */
export const MIRRORS_FILE = "estate/mirrors.yaml";

/** The override file of the safety valves, reserved for the operators by CODEOWNERS. */
export const OVERRIDES_FILE = "OVERRIDES.yaml";

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
  repositories: { dir: "estate/repositories", fileName: /^(?!\.\.?\.yaml$)[A-Za-z0-9._-]{1,100}\.yaml$/ },
  machines: { dir: "estate/machines", fileName: /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.yaml$/ },
  services: { dir: "estate/services", fileName: /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.yaml$/ },
} as const;

/** Where the JSON Schemas of the estate's files are generated (`npm run schema`). */
export const ESTATE_SCHEMA_DIR = "estate/schemas";
