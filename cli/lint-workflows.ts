/**
 * `npm run lint:workflows [-- files...]`: actionlint plus this repository's workflow security
 * rules (lib/workflows/policy.ts) over `.github/workflows/*.yml`, or the files given. Prints one
 * `file:line:col: rule: message` per finding and exits 1 if there is any.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { runCli, UsageError } from "../lib/cli";
import { formatDiagnostic, sortDiagnostics } from "../lib/diagnostics";
import { lintWorkflows } from "../lib/workflows/actionlint";
import { checkWorkflow, parseWorkflow } from "../lib/workflows/policy";

const WORKFLOWS_DIR = ".github/workflows";

runCli(async () => {
  const program = new Command("lint:workflows").argument("[files...]", "workflow files").parse();
  const given: string[] = program.processedArgs[0];
  const files = given.length > 0 ? given : workflowFiles(WORKFLOWS_DIR);
  if (files.length === 0) throw new UsageError(`no workflow files in ${WORKFLOWS_DIR}`);

  const problems = [
    ...(await lintWorkflows(files)),
    ...files.flatMap((file) => checkWorkflow(parseWorkflow(file))),
  ];
  for (const problem of sortDiagnostics(problems)) console.error(formatDiagnostic(problem));
  if (problems.length > 0) {
    process.exitCode = 1;
    console.error(
      `\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files.length} workflow files`,
    );
    return;
  }
  console.log(`${files.length} workflow files: actionlint and security rules pass`);
});

function workflowFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}
