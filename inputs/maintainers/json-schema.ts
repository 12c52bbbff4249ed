import { z } from "zod";
import { maintainerSchema } from "./schema";

/**
 * The JSON Schema editors use for completion, generated from the same zod schema the loader uses,
 * with the organization's `teams` and its name (`organization.yaml`).
 */
export function maintainerJsonSchema(teams: readonly string[], organization: string): string {
  const schema = z.toJSONSchema(
    maintainerSchema(teams as [string, ...string[]]).describe(
      `A ${organization} maintainer: one file per person, named <github-login>.yaml.`,
    ),
    { io: "input" },
  );
  return `${JSON.stringify({ ...schema, title: "Maintainer" }, null, 2)}\n`;
}
