import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import type { Estate } from "../../estate";
import { MAINTAINERS_DIR } from "../files";
import { maintainerSchema } from "./schema";

export const MAINTAINER_SCHEMA_PATH = `${MAINTAINERS_DIR}/schema.json`;

/** The JSON Schema editors use for completion, generated from the same zod schema the loader uses. */
export function maintainerJsonSchema(estate: Pick<Estate, "github">): string {
  const teams = estate.github.teams.map((t) => t.name) as [string, ...string[]];
  const schema = z.toJSONSchema(maintainerSchema(teams), { io: "input" });
  return `${JSON.stringify({ ...schema, title: "Maintainer" }, null, 2)}\n`;
}

/** Writes `content` unless identical; returns whether it differed. */
export function writeIfChanged(path: string, content: string, { dryRun = false } = {}): boolean {
  const changed = !existsSync(path) || readFileSync(path, "utf8") !== content;
  if (changed && !dryRun) writeFileSync(path, content);
  return changed;
}
