/**
 * `npm run schema`: writes every JSON Schema editors use, generated from the zod schemas (the single
 * source), for what the checkout's `organization.yaml` names: `organization.schema.json`, the
 * people's `<folder>/schema.json`, and for Void's data sets `estate/mirrors.schema.json` and
 * `estate/schemas/*.schema.json`. `npm run schema -- --check` fails when a committed file is stale
 * (CI runs it through the tests).
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command as Program } from "commander";
import { jsonSchemaFiles } from "../inputs/json-schemas";
import { loadOrganization } from "../inputs/organization";
import { UsageError } from "../runtime/errors";
import { writeIfChanged } from "../runtime/generated-file";
import { type Command, parseArgs } from "./command";

export const schema: Command = (args, io) => {
  const { check } = parseArgs<{ check?: boolean }>(
    new Program("schema").option("--check", "fail if a committed schema is stale"),
    args,
    io,
  );
  // The people's schema offers the organization's teams, so its definition and teams must be sound.
  const organization = loadOrganization(io.cwd);
  const stale: string[] = [];
  for (const { path, content } of jsonSchemaFiles(organization)) {
    const target = join(io.cwd, path);
    if (!check) mkdirSync(dirname(target), { recursive: true });
    if (writeIfChanged(target, content, { dryRun: Boolean(check) })) stale.push(path);
  }
  if (check && stale.length > 0) throw new UsageError(`${stale.join(", ")} stale: run npm run schema`);
  io.out(stale.length > 0 ? `wrote ${stale.join(", ")}\n` : "every JSON Schema is up to date\n");
  return 0;
};
