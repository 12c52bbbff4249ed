import { estateJsonSchemas, type GeneratedFile } from "./estate/json-schema";
import { MAINTAINER_SCHEMA_PATH, maintainerJsonSchema } from "./maintainers/json-schema";
import { renderMirrorJsonSchema } from "./mirrors";

/** Where the mirror list's schema is committed. */
export const MIRROR_SCHEMA_PATH = "estate/mirrors.schema.json";

/**
 * Every JSON Schema the repository commits for editors, generated from the zod schemas: the
 * people's (which lists the organization's `teams`), the mirror list's and the estate's files'.
 */
export function jsonSchemaFiles(teams: readonly string[]): GeneratedFile[] {
  return [
    { path: MAINTAINER_SCHEMA_PATH, content: maintainerJsonSchema(teams) },
    { path: MIRROR_SCHEMA_PATH, content: renderMirrorJsonSchema() },
    ...estateJsonSchemas(),
  ];
}
