import { z } from "zod";
import { organizationSchema } from "./schema";

/** The JSON Schema editors use for `organization.yaml`, generated from the zod schema its reader uses. */
export function organizationJsonSchema(): string {
  const schema = z.toJSONSchema(organizationSchema, { io: "input" });
  return `${JSON.stringify({ ...schema, title: "Organization" }, null, 2)}\n`;
}
