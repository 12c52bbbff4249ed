import { didYouMean, firstDuplicate } from "@void-linux/infra-constructs/core";
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, parse, type YAMLMap } from "yaml";
import { type FieldPath, fieldName } from "../../inputs/yaml-source";
import type { Diagnostic } from "../../runtime/diagnostics";
import { isSecretVariable, type StackList, type StackVariable } from "../../stacks/stack-registry";
import { codeRunBy } from "../../workflow-lint/invocations";
import type { Project } from "../../workflow-lint/project";
import { runsTerraform } from "../../workflow-lint/terraform";
import type { Workflow } from "../../workflow-lint/workflow";
import { REGISTRY_FILE } from "./generated";

/**
 * Where a GitHub workflow names the stacks, found by what they mean rather than by a marker, so a
 * workflow written later is held to the registry too:
 *
 * - `on.workflow_dispatch.inputs.stack.options`: the stacks an operator may pick;
 * - `jobs.<job>.strategy.matrix.stack`: a job run once per stack;
 * - the `env:` of a step that runs Terraform (itself, or in a script or npm script it starts) and
 *   reads any secret of the registry: it must set every variable the registry's stacks read (the
 *   state server's, then each stack's), each secret given only when the stack the step runs for
 *   (`matrix.stack` in a matrix job, else `inputs.stack` when the workflow has that input) reads
 *   it, and nothing else. A step of a workflow without either plans every stack, each in a process
 *   that sees only its own (`.github/scripts/stacks.sh`).
 *
 * Each list must name every stack of the registry and nothing else (in any order); each place that
 * differs is a problem at its line, and gets its fresh text, which `npm run stacks` writes.
 */
export interface StackListCheck {
  readonly diagnostics: readonly Diagnostic[];
  /** The workflow with every place that differs written afresh; undefined when a problem cannot be fixed so. */
  readonly fresh: string | undefined;
}

/** Why the registry's lists are expected, at the end of every message. */
const SOURCE = `from ${REGISTRY_FILE}; npm run stacks writes them`;

interface Place {
  readonly path: FieldPath;
  readonly node: Node;
  readonly problems: readonly Problem[];
  /** The text that replaces the node; undefined when the problem is not the registry's to fix. */
  readonly text: string | undefined;
}

/** A problem of a place, at the place itself or at one of its entries. */
interface Problem {
  readonly message: string;
  readonly path?: FieldPath;
  readonly node?: unknown;
}

export function workflowStackLists(
  file: string,
  workflow: Workflow,
  list: StackList,
  project: Pick<Project, "read">,
): StackListCheck {
  if (workflow.unreadable.length > 0) return { diagnostics: workflow.unreadable, fresh: undefined };
  const { text } = workflow;
  const { doc, lines } = workflow.source.document();
  const root = isMap(doc.contents) ? doc.contents : undefined;
  const places = root ? placesIn(root, list, lines, project) : [];
  const diagnostics = places.flatMap(({ path, node, problems }) =>
    problems.map((problem): Diagnostic => {
      const at = (problem.node as Node | undefined)?.range ? (problem.node as Node) : node;
      const { line, col } = lines.linePos(start(at));
      return {
        file,
        line,
        col,
        field: fieldName(problem.path ?? path),
        message: problem.message,
        severity: "error",
      };
    }),
  );
  const fixes = places.filter((place) => place.problems.length > 0);
  if (fixes.some((place) => place.text === undefined)) return { diagnostics, fresh: undefined };
  let fresh = text;
  for (const { node, text: replacement } of fixes.sort((a, b) => start(b.node) - start(a.node)))
    fresh = `${fresh.slice(0, start(node))}${replacement}${fresh.slice(end(node, text))}`;
  return { diagnostics, fresh };
}

const start = (node: Node) => node.range?.[0] ?? 0;

/** Where the node's value ends, before the line break and spaces a block node's range takes in. */
function end(node: Node, text: string): number {
  let at = node.range?.[1] ?? start(node);
  while (at > start(node) && /\s/.test(text[at - 1] ?? "")) at--;
  return at;
}

function placesIn(
  root: YAMLMap,
  list: StackList,
  lines: LineCounter,
  project: Pick<Project, "read">,
): Place[] {
  const ids = list.stacks.map((stack) => stack.id);
  const places: Place[] = [];
  const on = pairOf(root, "on");
  const stackInput = pairIn(on?.value, ["workflow_dispatch", "inputs", "stack"]);
  const options = pairIn(stackInput?.value, ["options"]);
  if (on && stackInput && options?.value)
    places.push(
      listPlace(
        [keyOf(on), ...keysOf(on.value, ["workflow_dispatch", "inputs", "stack", "options"])],
        options.value as Node,
        ids,
        lines,
      ),
    );

  const jobs = pairOf(root, "jobs");
  for (const job of isMap(jobs?.value) ? jobs.value.items : []) {
    const jobPath = ["jobs", keyOf(job)];
    const matrixStack = pairIn(job.value, ["strategy", "matrix", "stack"]);
    if (matrixStack?.value)
      places.push(
        listPlace(
          [...jobPath, ...keysOf(job.value, ["strategy", "matrix", "stack"])],
          matrixStack.value as Node,
          ids,
          lines,
        ),
      );
    const selector = matrixStack ? "matrix.stack" : stackInput ? "inputs.stack" : undefined;
    const steps = pairOf(job.value, "steps")?.value;
    (isSeq(steps) ? steps.items : []).forEach((step, index) => {
      const env = pairOf(step, "env");
      const run = pairOf(step, "run")?.value;
      const script = isScalar(run) && typeof run.value === "string" ? run.value : "";
      const terraform = codeRunBy(script, project).some((code) => runsTerraform(code.text));
      if (env?.value && terraform && readsRegistrySecret(env.value as Node, list))
        places.push(
          envPlace([...jobPath, "steps", index, keyOf(env)], env.value as Node, list, selector, lines),
        );
    });
  }
  return places;
}

function listPlace(path: FieldPath, node: Node, ids: readonly string[], lines: LineCounter): Place {
  const items = isSeq(node) ? node.items.map((item) => (isScalar(item) ? item.value : item)) : undefined;
  const problems: string[] = [];
  if (!items || items.some((item) => typeof item !== "string")) problems.push("is not a list of stack names");
  else {
    const names = items as string[];
    const missing = ids.filter((id) => !names.includes(id));
    if (missing.length > 0) problems.push(`lacks ${plural(missing, "stack")}`);
    for (const name of names.filter((n) => !ids.includes(n)))
      problems.push(`names ${name}, which is no stack${didYouMean(name, ids)}`);
    const twice = firstDuplicate(names);
    if (twice !== undefined) problems.push(`names ${twice} twice`);
  }
  const expected = `[${ids.join(", ")}]`;
  return {
    path,
    node,
    problems:
      problems.length > 0 ? [{ message: `${problems.join("; ")} (expected ${expected} ${SOURCE})` }] : [],
    text: isSeq(node) && !node.flow ? blockList(ids, lines.linePos(start(node)).col - 1) : expected,
  };
}

function envPlace(
  path: FieldPath,
  node: Node,
  list: StackList,
  selector: string | undefined,
  lines: LineCounter,
): Place {
  const expected = expectedEnv(list, selector);
  const current = new Map((isMap(node) ? node.items : []).map((pair) => [keyOf(pair), pair]));
  const problems: Problem[] = [];
  for (const [name, value] of expected) {
    const pair = current.get(name);
    const found = isScalar(pair?.value) ? pair.value.value : undefined;
    if (!pair) problems.push({ message: `lacks ${name} (expected ${name}: ${value} ${SOURCE})` });
    else if (found !== value)
      problems.push({
        path: [...path, name],
        node: pair.value,
        message: `is ${JSON.stringify(found ?? null)} (expected ${value} ${SOURCE})`,
      });
  }
  const extra = [...current].filter(([name]) => !expected.has(name));
  for (const [name, pair] of extra)
    problems.push({
      path: [...path, name],
      node: pair.key,
      message:
        "is no variable of the stack registry (expected the registry's variables alone in the env: of a step that gets its secrets; set others in the job's env:)",
    });
  const indent = lines.linePos(start(node)).col - 1;
  const text = isMap(node) && node.flow ? flowMap(expected) : blockMap(expected, indent);
  return { path, node, problems, text: extra.length > 0 ? undefined : text };
}

/**
 * Every variable of the registry, in order (the state server's, then each stack's), with the value
 * a step gives it: a setting as is; a secret as is when every stack reads it or the step plans every
 * stack, else only when `selector` names a stack that reads it.
 */
export function expectedEnv(list: StackList, selector: string | undefined): Map<string, string> {
  const readers = new Map<string, { variable: StackVariable; stacks: string[] }>();
  const read = (variable: StackVariable, stack: string | undefined) => {
    const entry = readers.get(variable.env) ?? { variable, stacks: [] };
    if (stack) entry.stacks.push(stack);
    readers.set(variable.env, entry);
  };
  for (const variable of list.stateEnv) read(variable, undefined);
  for (const stack of list.stacks) for (const variable of stack.env) read(variable, stack.id);
  return new Map(
    [...readers].map(([name, { variable, stacks }]) => {
      if (!isSecretVariable(variable)) return [name, variable.value];
      const secret = `secrets.${variable.secret.name}`;
      if (selector === undefined || stacks.length === 0 || stacks.length === list.stacks.length)
        return [name, `\${{ ${secret} }}`];
      const test = stacks.map((id) => `${selector} == '${id}'`).join(" || ");
      return [name, `\${{ ${stacks.length > 1 ? `(${test})` : test} && ${secret} || '' }}`];
    }),
  );
}

/** Whether any value of the mapping reads a secret the registry binds to a variable. */
function readsRegistrySecret(node: Node, list: StackList): boolean {
  const secrets = new Set(
    [...list.stateEnv, ...list.stacks.flatMap((s) => s.env)].flatMap((v) =>
      isSecretVariable(v) ? [v.secret.name.toLowerCase()] : [],
    ),
  );
  const values = isMap(node)
    ? node.items.map((pair) => (isScalar(pair.value) ? String(pair.value.value) : ""))
    : [];
  return values.some((value) =>
    [...value.matchAll(/\bsecrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)].some((m) =>
      secrets.has((m[1] ?? "").toLowerCase()),
    ),
  );
}

const blockList = (ids: readonly string[], indent: number) =>
  ids.map((id) => `- ${id}`).join(`\n${" ".repeat(indent)}`);

const blockMap = (entries: ReadonlyMap<string, string>, indent: number) =>
  [...entries].map(([name, value]) => `${name}: ${scalar(value, false)}`).join(`\n${" ".repeat(indent)}`);

const flowMap = (entries: ReadonlyMap<string, string>) =>
  `{ ${[...entries].map(([name, value]) => `${name}: ${scalar(value, true)}`).join(", ")} }`;

/** `value` as a YAML scalar: plain when a reader takes it back as the same string, else double-quoted. */
function scalar(value: string, flow: boolean): string {
  try {
    const read = parse(flow ? `{ k: ${value} }` : `k: ${value}`) as { k?: unknown };
    if (read.k === value) return value;
  } catch {
    // Not plain: quoted below.
  }
  return JSON.stringify(value);
}

const plural = (names: readonly string[], noun: string) =>
  `${noun}${names.length === 1 ? "" : "s"} ${names.join(", ")}`;

/** The pair of `map` whose key is `key`, without regard to letter case (as GitHub reads events, inputs and contexts). */
function pairOf(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => keyOf(pair).toLowerCase() === key);
}

function pairIn(map: unknown, keys: readonly string[]): Pair<unknown, unknown> | undefined {
  let pair: Pair<unknown, unknown> | undefined;
  let node = map;
  for (const key of keys) {
    pair = pairOf(node, key);
    if (!pair) return undefined;
    node = pair.value;
  }
  return pair;
}

/** The keys along `keys` as the workflow spells them, for messages. */
function keysOf(map: unknown, keys: readonly string[]): string[] {
  const spelled: string[] = [];
  let node = map;
  for (const key of keys) {
    const pair = pairOf(node, key);
    spelled.push(pair ? keyOf(pair) : key);
    node = pair?.value;
  }
  return spelled;
}

const keyOf = (pair: Pair<unknown, unknown>) => String(isScalar(pair.key) ? pair.key.value : pair.key);
