import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { MAINTAINER_SCHEMA_FILE, MAINTAINERS_DIR } from "../files";
import { maintainerSchema } from "./schema";

export const MAINTAINER_SCHEMA_PATH = `${MAINTAINERS_DIR}/${MAINTAINER_SCHEMA_FILE}`;

/**
 * The JSON Schema editors use for completion, generated from the same zod schema the loader uses,
 * with the organization's `teams` (of `estate/github.yaml`).
 */
export function maintainerJsonSchema(teams: readonly string[]): string {
  const schema = z.toJSONSchema(maintainerSchema(teams as [string, ...string[]]), { io: "input" });
  return `${JSON.stringify({ ...schema, title: "Maintainer" }, null, 2)}\n`;
}

/** Writes `content` unless identical; returns whether it differed. */
export function writeIfChanged(path: string, content: string, { dryRun = false } = {}): boolean {
  const changed = !existsSync(path) || readFileSync(path, "utf8") !== content;
  if (changed && !dryRun) writeFileSync(path, content);
  return changed;
}
