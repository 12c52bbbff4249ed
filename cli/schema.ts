/**
 * `npm run schema`: writes `maintainers/schema.json` from the zod schema (the single source).
 * `npm run schema -- --check` fails when the committed file is stale (CI runs it through the tests).
 */
import { Command } from "commander";
import { runCli } from "../lib/cli";
import { MAINTAINER_SCHEMA_PATH, maintainerJsonSchema, writeIfChanged } from "../lib/maintainers/json-schema";

runCli(() => {
  const { check } = new Command().option("--check", "fail if the committed schema is stale").parse().opts();
  const changed = writeIfChanged(MAINTAINER_SCHEMA_PATH, maintainerJsonSchema(), { dryRun: Boolean(check) });
  if (check && changed) throw new Error(`${MAINTAINER_SCHEMA_PATH} is stale: run npm run schema`);
  console.log(changed ? `wrote ${MAINTAINER_SCHEMA_PATH}` : `${MAINTAINER_SCHEMA_PATH} is up to date`);
});
