import { z } from "zod";
import { ESTATE_DIRECTORIES, ESTATE_FILES, ESTATE_SCHEMA_DIR } from "../files";
import { ENTITY_SCHEMAS, KIND_SCHEMAS } from "./files";

/** A generated file: repository-relative path and content. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/**
 * The JSON Schema of every estate data file, for editors (the first line of each file names its
 * own): `estate/schemas/<kind>.schema.json`, generated from the zod schema the loader uses. They
 * name no machine, team or policy (those are checked across files), so adding one never makes a
 * schema stale.
 */
export function estateJsonSchemas(): GeneratedFile[] {
  const kinds: [string, z.ZodType][] = [
    ...Object.entries(KIND_SCHEMAS),
    ...Object.values(ENTITY_SCHEMAS).map(({ kind, schema }): [string, z.ZodType] => [kind, schema]),
  ];
  return kinds.map(([kind, schema]) => ({
    path: `${ESTATE_SCHEMA_DIR}/${kind}.schema.json`,
    content: `${JSON.stringify(z.toJSONSchema(schema, { io: "input" }), null, 2)}\n`,
  }));
}

/**
 * The first line the estate data file at `path` (repository-relative) must have, the comment that
 * gives editors its schema; undefined for a path that is no estate data file.
 */
export function estateSchemaLine(path: string): string | undefined {
  const kind = Object.entries(ESTATE_FILES).find(([, file]) => file === path)?.[0];
  if (kind) return `# yaml-language-server: $schema=./schemas/${kind}.schema.json`;
  const entity = Object.entries(ESTATE_DIRECTORIES).find(([, { dir }]) => path.startsWith(`${dir}/`))?.[0];
  if (!entity) return undefined;
  return `# yaml-language-server: $schema=../schemas/${ENTITY_SCHEMAS[entity as keyof typeof ENTITY_SCHEMAS].kind}.schema.json`;
}
