import { join } from "node:path";
import { type FieldPath, YamlSource } from "../inputs/yaml-source";
import type { Diagnostic } from "../runtime/diagnostics";
import { INPUT_LIMITS, listInputDirectory, readInputText } from "../runtime/input-file";
import { asRecord, isRecord } from "../runtime/values";

/**
 * A GitHub workflow as the rules read it. GitHub reads workflows as YAML 1.2 (core schema) and
 * knows no directives: a `%YAML 1.1` line would make a YAML 1.1 reader see `on:` as the boolean
 * `true` (so the workflow seems to have no triggers) and `yes` as true. A directive is therefore
 * refused with its line, like a syntax error, and a file with any such problem is read as empty.
 */

type Json = Record<string, unknown>;

export interface Workflow {
  readonly source: YamlSource;
  readonly text: string;
  /** Problems that stop the rules: size, syntax, anchors, directives. */
  readonly unreadable: readonly Diagnostic[];
  readonly data: Json;
  /** Event names from `on:`, whichever of its three forms is used, in lower case (GitHub ignores case). */
  readonly triggers: readonly string[];
  readonly jobs: readonly Job[];
}

export interface Job {
  readonly id: string;
  readonly path: FieldPath;
  readonly data: Json;
  readonly steps: readonly Step[];
}

export interface Step {
  readonly path: FieldPath;
  readonly data: Json;
}

/** Where GitHub reads a repository's workflows. */
export const WORKFLOWS_DIR = ".github/workflows";

/** The workflows of the checkout at `root`, by path from it: the `.yml` and `.yaml` files GitHub reads. */
export function workflowFiles(root: string): string[] {
  return listInputDirectory(join(root, WORKFLOWS_DIR), WORKFLOWS_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `${WORKFLOWS_DIR}/${name}`);
}

/** The text of the workflow at `path` (from `root`), read as every input is: a regular file, within its size limit. */
export function readWorkflowText(root: string, path: string): string {
  return readInputText(join(root, path), path, INPUT_LIMITS.workflowFile);
}

/** The largest workflow file read; the real ones are a few KiB, the bundled bot about 30. */
export const MAX_WORKFLOW_BYTES = INPUT_LIMITS.workflowFile;

export function parseWorkflow(file: string, text: string): Workflow {
  const tooLarge = Buffer.byteLength(text) > MAX_WORKFLOW_BYTES;
  const source = new YamlSource(file, tooLarge ? "" : text);
  const unreadable = tooLarge ? [sizeProblem(file, text)] : source.syntaxProblems();
  const data = unreadable.length > 0 ? {} : asRecord(source.toJS());
  const on = data.on;
  const triggers = (
    typeof on === "string" ? [on] : Array.isArray(on) ? on.map(String) : isRecord(on) ? Object.keys(on) : []
  ).map((name) => name.toLowerCase());
  const jobs = Object.entries(asRecord(data.jobs)).map(([id, raw]): Job => {
    const job = asRecord(raw);
    const steps = (Array.isArray(job.steps) ? job.steps : []).map((step, index) => ({
      path: ["jobs", id, "steps", index] as FieldPath,
      data: asRecord(step),
    }));
    return { id, path: ["jobs", id], data: job, steps };
  });
  return { source, text, unreadable, data, triggers, jobs };
}

function sizeProblem(file: string, text: string): Diagnostic {
  const size = `${Math.ceil(Buffer.byteLength(text) / 1024)} KiB`;
  return {
    file,
    line: 0,
    col: 0,
    field: "(file)",
    message: `is ${size} (expected a workflow of at most ${MAX_WORKFLOW_BYTES / 1024} KiB)`,
    severity: "error",
  };
}

/** The value of `key` in `mapping`, matching the key without regard to letter case (as GitHub reads inputs and events). */
export function entryOf(mapping: unknown, key: string): [string, unknown] | undefined {
  const wanted = key.toLowerCase();
  return Object.entries(asRecord(mapping)).find(([name]) => name.toLowerCase() === wanted);
}

/** `uses:` of a step or job, trimmed, or undefined when it has none. */
export function usesOf(data: Json): string | undefined {
  return typeof data.uses === "string" ? data.uses.trim() : undefined;
}

/** The action a `uses:` names, in lower case, without its ref: `actions/checkout`. */
export function actionName(uses: string): string {
  return uses.split("@")[0]?.trim().toLowerCase() ?? "";
}

/** Whether a step `uses:` the action (owner/repo, any letter case) at any ref. */
export function isAction(step: Step, action: string): boolean {
  const uses = usesOf(step.data);
  return uses?.includes("@") === true && actionName(uses ?? "") === action;
}

export function isCheckout(step: Step): boolean {
  return isAction(step, "actions/checkout");
}

/** The job's environment name in lower case (GitHub's names ignore case), or undefined if none. */
export function environmentOf(job: Job): string | undefined {
  const environment = job.data.environment;
  const name = isRecord(environment) ? environment.name : environment;
  const trimmed = typeof name === "string" ? name.trim().toLowerCase() : "";
  return trimmed === "" ? undefined : trimmed;
}

/** Every string in `value` with its path under `at`: the places a workflow can hold an expression. */
export function stringsIn(value: unknown, at: FieldPath = []): [FieldPath, string][] {
  if (typeof value === "string") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, [...at, index]));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => stringsIn(item, [...at, key]));
  return [];
}
