import { lstatSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, fileDiagnostic } from "../../runtime/diagnostics";
import { INPUT_LIMITS, readInputText } from "../../runtime/input-file";
import type { StackList } from "../../stacks/stack-registry";
import { projectAt } from "../../workflow-lint/project";
import { parseWorkflow, readWorkflowText, workflowFiles } from "../../workflow-lint/workflow";
import { GENERATED_TABLES, withGeneratedTable } from "./docs";
import { REGISTRY_FILE } from "./generated";
import { STACKS_SCRIPT, stacksScript } from "./script";
import { workflowStackLists } from "./workflow";

export { STACKS_SCRIPT } from "./script";
export { workflowStackLists } from "./workflow";

/** One file that lists the stacks: what is wrong with it, and its text as the registry makes it. */
export interface StackListFile {
  readonly path: string;
  /** Its text now; undefined when it does not exist. */
  readonly text: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** Its text with every list the registry's; undefined when a problem is not the registry's to fix. */
  readonly fresh: string | undefined;
}

/**
 * Every file of the checkout at `root` that lists the stacks, checked against `list`: the
 * workflows, `.github/scripts/stacks.sh` and the generated tables of the README and
 * docs/workflows.md. `npm run stacks` writes the fresh texts; `-- --check` and the tests report
 * the problems.
 */
export function stackListFiles(root: string, list: StackList): StackListFile[] {
  const project = projectAt(root);
  const workflows = workflowFiles(root).map((path): StackListFile => {
    const text = readWorkflowText(root, path);
    return { path, text, ...workflowStackLists(path, parseWorkflow(path, text), list, project) };
  });
  const docs = Object.entries(GENERATED_TABLES).map(([path, make]): StackListFile => {
    const text = readText(root, path);
    if (text === undefined)
      return { path, text, diagnostics: [fileDiagnostic(path, "is missing")], fresh: undefined };
    const made = withGeneratedTable(path, text, make(list));
    if ("problem" in made) return { path, text, diagnostics: [made.problem], fresh: undefined };
    const diagnostics =
      made.fresh === text
        ? []
        : [fileDiagnostic(path, `its table differs from ${REGISTRY_FILE} (run npm run stacks)`)];
    return { path, text, diagnostics, fresh: made.fresh };
  });
  return [...workflows, stacksScriptFile(root, list), ...docs];
}

/** `.github/scripts/stacks.sh` against the registry: stale or missing is a problem. */
export function stacksScriptFile(root: string, list: StackList): StackListFile {
  const text = readText(root, STACKS_SCRIPT);
  const fresh = stacksScript(list);
  const diagnostics =
    text === fresh
      ? []
      : [
          fileDiagnostic(
            STACKS_SCRIPT,
            text === undefined
              ? `is missing (expected the stacks of ${REGISTRY_FILE}: run npm run stacks)`
              : `differs from the stacks of ${REGISTRY_FILE} (run npm run stacks)`,
          ),
        ];
  return { path: STACKS_SCRIPT, text, diagnostics, fresh };
}

/** A file of the checkout that may be missing, read as the workflows are (a regular file of at most 256 KiB). */
function readText(root: string, path: string): string | undefined {
  if (!lstatSync(join(root, path), { throwIfNoEntry: false })) return undefined;
  return readInputText(join(root, path), path, INPUT_LIMITS.workflowFile);
}
