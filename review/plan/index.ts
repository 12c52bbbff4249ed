import { basename, dirname, resolve } from "node:path";
import { DataError, type Diagnostic } from "../../runtime/diagnostics";
import { UsageError } from "../../runtime/errors";
import { INPUT_LIMITS, readInputText } from "../../runtime/input-file";
import type { ReviewContext } from "../change/context";
import type { StackSummary } from "./model";
import { type PlanJson, parsePlanJson } from "./plan-json";
import { Secrets, sensitiveLiterals } from "./secrets";
import { summarizePlan } from "./summarize";

export { NO_CHANGES, renderPlanComment } from "./comment";
export { FINGERPRINT_KEY_VARIABLE, fingerprintKey, planFingerprint } from "./fingerprint";
export type { PlanLine, ResourceSummary, StackSummary } from "./model";
export { renderJson, renderMarkdown } from "./render";
export { summarizePlan } from "./summarize";

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

/** One plan file as read and checked. */
export interface PlanFile {
  readonly input: PlanInput;
  /** The file's text, for what must read it exactly (fingerprints). */
  readonly text: string;
  readonly plan: PlanJson;
}

/**
 * Reads and checks every plan; all bad files are reported together, one problem each. Files are
 * read through the safe reader (regular files only, size-capped, UTF-8, nesting-capped), and each
 * stack may be given once.
 */
export function readPlanFiles(inputs: readonly PlanInput[]): PlanFile[] {
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
  const plans: PlanFile[] = [];
  for (const input of inputs) {
    const { file, path = file } = input;
    try {
      const text = readInputText(path, file, INPUT_LIMITS.planJson);
      plans.push({ input, text, plan: parsePlanJson(text, file) });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      diagnostics.push(...error.diagnostics);
    }
  }
  if (diagnostics.length > 0) throw new DataError(diagnostics);
  return plans;
}

/**
 * Reads, checks and summarizes every plan. The literals any plan marks sensitive are masked in
 * every plan's summary, so a secret one stack marks cannot leak through another that copies it
 * unmarked. `review` names people and powerful teams in the sentences, as the review diff does.
 */
export function summarizePlanFiles(inputs: readonly PlanInput[], review: ReviewContext = {}): StackSummary[] {
  const plans = readPlanFiles(inputs);
  const secrets = new Secrets(plans.flatMap(({ plan }) => sensitiveLiterals(plan)));
  return plans.map(({ input, plan }) => summarizePlan(plan, input.stack, input.file, secrets, review));
}
