import { OVERRIDES_FILE } from "../lib/safety";
import { ORGANIZATION } from "./github";

/**
 * Who reviews what in this repository; `npm run codeowners` turns it and the maintainer files
 * into `.github/CODEOWNERS`.
 */

/** The team that owns the infrastructure and reviews everything that is not a person's file. */
export const OPERATOR_TEAM = "void-ops";

/** Paths only operators approve, even where a broader rule would let team maintainers approve. */
export const OPERATOR_PATHS = [
  "/.github/",
  "/stacks/",
  "/constructs/",
  "/bindings/",
  "/lib/",
  "/estate/",
  "/cli/",
  "/test/",
  "/main.ts",
  "/package.json",
  "/package-lock.json",
  "/cdktf.json",
  "/tsconfig.json",
  "/biome.json",
  // Policy texts (Nomad, Consul, Vault) wherever they are kept as files.
  "*.hcl",
  `/${OVERRIDES_FILE}`,
  "/maintainers/schema.json",
] as const;

export const CODEOWNERS_SETTINGS = {
  organization: ORGANIZATION,
  operatorTeam: OPERATOR_TEAM,
  operatorPaths: OPERATOR_PATHS,
} as const;
