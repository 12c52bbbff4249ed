import { estateJsonSchemas, type GeneratedFile } from "./estate/json-schema";
import { MAINTAINER_SCHEMA_FILE, ORGANIZATION_SCHEMA_FILE } from "./files";
import { maintainerJsonSchema } from "./maintainers/json-schema";
import { renderMirrorJsonSchema } from "./mirrors";
import { organizationJsonSchema } from "./organization/json-schema";
import type { Organization } from "./organization/schema";

/** Where the mirror list's schema is committed. */
export const MIRROR_SCHEMA_PATH = "estate/mirrors.schema.json";

/**
 * Every JSON Schema a checkout commits for editors, generated from the zod schemas: the
 * organization definition's, the people's (which lists the organization's teams), and those of the
 * data sets the organization holds (the mirror list's, the estate's files').
 */
export function jsonSchemaFiles(organization: Organization): GeneratedFile[] {
  const teams = organization.github.teams.map((team) => team.name);
  return [
    { path: ORGANIZATION_SCHEMA_FILE, content: organizationJsonSchema() },
    {
      path: `${organization.people}/${MAINTAINER_SCHEMA_FILE}`,
      content: maintainerJsonSchema(teams, organization.name),
    },
    ...(organization.data.includes("mirrors")
      ? [{ path: MIRROR_SCHEMA_PATH, content: renderMirrorJsonSchema() }]
      : []),
    ...(organization.data.includes("estate") ? estateJsonSchemas() : []),
  ];
}
