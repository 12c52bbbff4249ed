import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { DataError, type Diagnostic } from "../../runtime/diagnostics";
import { UsageError } from "../../runtime/errors";
import { parsePlanJson } from "./plan-json";
import { type StackSummary, summarizePlan } from "./summarize";

export { renderJson, renderMarkdown } from "./render";
export { type StackSummary, summarizePlan } from "./summarize";

/** One plan file and the stack it belongs to. */
export interface PlanInput {
  readonly stack: string;
  /** As given on the command line; messages name the file this way. */
  readonly file: string;
  /** Where to read it; default `file`. */
  readonly path?: string;
}

/**
 * The stack a plan file belongs to when not given explicitly: the name of the directory holding it
 * (`plans/github/plan.json` → `github`), or, for a file in the current directory, its name without
 * `.json` (`github.json` → `github`).
 */
export function stackNameOf(file: string, cwd: string): string {
  const dir = dirname(resolve(cwd, file));
  return dir === resolve(cwd) ? basename(file).replace(/\.json$/, "") : basename(dir);
}

/** Reads and summarizes every plan; all bad files are reported together. */
export function summarizePlanFiles(inputs: readonly PlanInput[]): StackSummary[] {
  const seen = new Map<string, string>();
  for (const { stack, file } of inputs) {
    const other = seen.get(stack);
    if (other)
      throw new UsageError(
        `stack ${stack} is given twice (${other} and ${file}); name one with --stack <name>=<file>`,
      );
    seen.set(stack, file);
  }
  const diagnostics: Diagnostic[] = [];
  const summaries: StackSummary[] = [];
  for (const { stack, file, path = file } of inputs) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new UsageError(
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    try {
      summaries.push(summarizePlan(parsePlanJson(text, file), stack, file));
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      diagnostics.push(...error.diagnostics);
    }
  }
  if (diagnostics.length > 0) throw new DataError(diagnostics);
  return summaries;
}
