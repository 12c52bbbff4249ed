/**
 * `npm run schema`: writes `maintainers/schema.json` from the zod schema (the single source).
 * `npm run schema -- --check` fails when the committed file is stale (CI runs it through the tests).
 */
import { join } from "node:path";
import { Command as Program } from "commander";
import type { Estate } from "../estate";
import {
  MAINTAINER_SCHEMA_PATH,
  maintainerJsonSchema,
  writeIfChanged,
} from "../inputs/maintainers/json-schema";
import { UsageError } from "../runtime/errors";
import { type Command, parseArgs } from "./command";

export const schema =
  (estate: Estate): Command =>
  (args, io) => {
    const { check } = parseArgs<{ check?: boolean }>(
      new Program("schema").option("--check", "fail if the committed schema is stale"),
      args,
      io,
    );
    const path = join(io.cwd, MAINTAINER_SCHEMA_PATH);
    const changed = writeIfChanged(path, maintainerJsonSchema(estate), { dryRun: Boolean(check) });
    if (check && changed) throw new UsageError(`${MAINTAINER_SCHEMA_PATH} is stale: run npm run schema`);
    io.out(changed ? `wrote ${MAINTAINER_SCHEMA_PATH}\n` : `${MAINTAINER_SCHEMA_PATH} is up to date\n`);
    return 0;
  };
