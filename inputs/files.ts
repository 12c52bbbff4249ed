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
