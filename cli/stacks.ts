/**
 * `npm run stacks`: writes the stack registry (`stacks/registry.ts`) into every file that lists the
 * stacks: the workflows (apply.yml's choice of stack, drift.yml's matrices, the env: of every step
 * that gives Terraform its secrets), `.github/scripts/stacks.sh`, and the tables of the README and
 * docs/workflows.md. `-- --check` writes nothing and fails when any of them differs (the tests run
 * it; `npm run lint:workflows` checks the workflows and the script too).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command as Program } from "commander";
import { STACKS_SCRIPT, stackListFiles } from "../app/stack-lists";
import { DataError } from "../runtime/diagnostics";
import { STACKS } from "../stacks";
import { type Command, parseArgs } from "./command";

export const stacks: Command = (args, io) => {
  const { check } = parseArgs<{ check?: boolean }>(
    new Program("stacks")
      .description(
        "Write the stack registry (stacks/registry.ts) into the workflows, .github/scripts/stacks.sh and the docs",
      )
      .option("--check", "write nothing; fail if any of them differs from the registry"),
    args,
    io,
  );
  const files = stackListFiles(io.cwd, STACKS);
  const unfixable = files.filter((file) => file.fresh === undefined).flatMap((file) => file.diagnostics);
  if (check || unfixable.length > 0) {
    const problems = check ? files.flatMap((file) => file.diagnostics) : unfixable;
    if (problems.length > 0) throw new DataError(problems);
    io.out(`stacks: the workflows, ${STACKS_SCRIPT} and the docs list the stacks of stacks/registry.ts\n`);
    return 0;
  }
  const stale = files.filter((file) => file.fresh !== undefined && file.fresh !== file.text);
  for (const { path, fresh } of stale) {
    mkdirSync(dirname(join(io.cwd, path)), { recursive: true });
    writeFileSync(join(io.cwd, path), fresh as string);
  }
  io.out(
    stale.length === 0
      ? `stacks: the workflows, ${STACKS_SCRIPT} and the docs already list the stacks of stacks/registry.ts\n`
      : `stacks: wrote ${stale.map((file) => file.path).join(", ")}\n`,
  );
  return 0;
};
