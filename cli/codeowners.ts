/**
 * `npm run codeowners` writes `.github/CODEOWNERS` from the maintainer files;
 * `npm run codeowners -- --check` only verifies it is current (for CI) and exits 1 when stale.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Command } from "commander";
import { CODEOWNERS_SETTINGS } from "../estate/review";
import { runCli } from "../lib/cli";
import { CODEOWNERS_PATH, renderCodeowners } from "../lib/codeowners";
import { DataError } from "../lib/diagnostics";
import { loadInputs } from "../lib/inputs";
import { writeIfChanged } from "../lib/maintainers/json-schema";

runCli(() => {
  const { check } = new Command("codeowners")
    .option("--check", "fail if the committed file is stale instead of writing it")
    .parse()
    .opts<{ check?: boolean }>();
  const content = renderCodeowners(loadInputs().roster, CODEOWNERS_SETTINGS);
  if (check) {
    if (writeIfChanged(CODEOWNERS_PATH, content, { dryRun: true }))
      throw new DataError([
        {
          file: CODEOWNERS_PATH,
          line: 0,
          col: 0,
          field: "(file)",
          message:
            "is stale: it does not match maintainers/ (expected the output of `npm run codeowners`; run it and commit the result)",
          severity: "error",
        },
      ]);
    console.log(`ok: ${CODEOWNERS_PATH} is current`);
    return;
  }
  mkdirSync(dirname(CODEOWNERS_PATH), { recursive: true });
  const changed = writeIfChanged(CODEOWNERS_PATH, content);
  console.log(changed ? `wrote ${CODEOWNERS_PATH}` : `${CODEOWNERS_PATH} is already current`);
});
