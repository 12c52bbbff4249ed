import { lstatSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../runtime/errors";
import { INPUT_LIMITS, parseInputJson, readInputText } from "../../runtime/input-file";
import { asRecord, compareText, isRecord } from "../../runtime/values";
import type { Action, AttributeChange, BlockKind, Change, StackJson, SynthOutput } from "./model";

/**
 * Reads every stack of a synthesized output directory, as its `manifest.json` lists them. Both
 * sides of a diff may come from anywhere, so each file goes through the safe reader, and a
 * directory that is not an output of `npm run synth` (no manifest, no stacks, stacks that are not
 * Terraform JSON) is refused with what is wrong.
 */
export function readSynthOutput(dir: string): SynthOutput {
  const manifestFile = join(dir, "manifest.json");
  const notOutput = (why: string) =>
    new UsageError(
      `${dir} is not a synthesized output: ${why} (expected a directory written by npm run synth)`,
    );
  if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw notOutput("it is not a directory");
  if (!lstatSync(manifestFile, { throwIfNoEntry: false })) throw notOutput("it has no manifest.json");
  const manifest = readJson(manifestFile);
  if (!isRecord(manifest) || !isRecord(manifest.stacks) || Object.keys(manifest.stacks).length === 0)
    throw notOutput("its manifest.json lists no stacks");
  const stacks = new Map<string, StackJson>();
  for (const [name, entry] of Object.entries(manifest.stacks).sort(([a], [b]) => compareText(a, b))) {
    const path =
      isRecord(entry) && typeof entry.synthesizedStackPath === "string" ? entry.synthesizedStackPath : "";
    if (!/^stacks\/[A-Za-z0-9_-]+\/cdk\.tf\.json$/.test(path))
      throw notOutput(`stack ${JSON.stringify(name)} in manifest.json has no stacks/<name>/cdk.tf.json path`);
    const stack = readJson(join(dir, path));
    const problem = stackShapeProblem(stack);
    if (problem) throw notOutput(`${path} ${problem}`);
    stacks.set(name, stack as StackJson);
  }
  return stacks;
}

function readJson(file: string): unknown {
  return parseInputJson(readInputText(file, file, INPUT_LIMITS.stackJson), file);
}

/** What makes `stack` unlike a cdk.tf.json, or undefined: blocks are maps of maps of objects. */
function stackShapeProblem(stack: unknown): string | undefined {
  if (!isRecord(stack)) return "is not a JSON object";
  for (const kind of ["resource", "data"] as const) {
    const block = stack[kind];
    if (block === undefined) continue;
    const bad = isRecord(block)
      ? Object.entries(block).find(
          ([, byName]) => !isRecord(byName) || !Object.values(byName).every(isRecord),
        )
      : [kind];
    if (bad) return `has a malformed "${kind}" block${bad[0] === kind ? "" : ` at ${bad[0]}`}`;
  }
  return undefined;
}

/** A block of a stack, keyed by its Terraform address. */
interface Block {
  readonly kind: BlockKind;
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
}

/** Every change between two outputs, stack by stack (by name), then by address. */
export function compareOutputs(base: SynthOutput, head: SynthOutput): Change[] {
  const stacks = [...new Set([...base.keys(), ...head.keys()])].sort();
  return stacks.flatMap((stack) => compareStacks(stack, base.get(stack), head.get(stack)));
}

function compareStacks(stack: string, base?: StackJson, head?: StackJson): Change[] {
  const before = blocksOf(base);
  const after = blocksOf(head);
  const addresses = [...new Set([...before.keys(), ...after.keys()])].sort();
  return addresses.flatMap((address): Change[] => {
    const b = before.get(address);
    const a = after.get(address);
    const block = (a ?? b) as Block;
    const action: Action = !b ? "create" : !a ? "delete" : "update";
    const attributes = diffValues(b?.body, a?.body);
    if (action === "update" && attributes.length === 0) return [];
    return [
      {
        stack,
        kind: block.kind,
        type: block.type,
        name: block.name,
        address,
        action,
        ...(b && { before: b.body }),
        ...(a && { after: a.body }),
        attributes,
      },
    ];
  });
}

function blocksOf(stack?: StackJson): Map<string, Block> {
  const blocks = new Map<string, Block>();
  if (!stack) return blocks;
  const add = (address: string, block: Block) => blocks.set(address, block);

  for (const [type, byName] of entries(stack.resource))
    for (const [name, body] of entries(byName))
      add(`${type}.${name}`, { kind: "resource", type, name, body });
  for (const [type, byName] of entries(stack.data))
    for (const [name, body] of entries(byName))
      add(`data.${type}.${name}`, { kind: "data", type, name, body });
  for (const [name, body] of entries(stack.module))
    add(`module.${name}`, { kind: "module", type: "module", name, body });
  for (const [name, body] of entries(stack.output))
    add(`output.${name}`, { kind: "output", type: "output", name, body });
  for (const [name, body] of entries(stack.variable))
    add(`variable.${name}`, { kind: "variable", type: "variable", name, body });
  for (const [type, configs] of Object.entries(asRecord(stack.provider))) {
    for (const config of Array.isArray(configs) ? configs : [configs]) {
      const body = asRecord(config);
      const alias = typeof body.alias === "string" ? body.alias : undefined;
      add(alias ? `provider.${type}.${alias}` : `provider.${type}`, {
        kind: "provider",
        type,
        name: alias ?? type,
        body,
      });
    }
  }
  const terraform = asRecord(stack.terraform);
  if (terraform.backend !== undefined)
    add("terraform.backend", {
      kind: "backend",
      type: "backend",
      name: "backend",
      body: asRecord(terraform.backend),
    });
  for (const [name, body] of entries(terraform.required_providers))
    add(`terraform.required_providers.${name}`, { kind: "required_provider", type: name, name, body });
  return blocks;
}

function entries(value: unknown): [string, Record<string, unknown>][] {
  return Object.entries(asRecord(value))
    .filter(([key]) => key !== "//")
    .map(([key, v]) => [key, withoutMetadata(asRecord(v))]);
}

/** cdktf's `//` keys hold construct paths: they change when code moves, never the infrastructure. */
function withoutMetadata(body: Record<string, unknown>): Record<string, unknown> {
  const { "//": _metadata, ...rest } = body;
  return rest;
}

const isContainer = (v: unknown) =>
  (isRecord(v) && Object.keys(v).length > 0) || (Array.isArray(v) && v.length > 0);

/** Leaf-by-leaf differences between two JSON values, with dotted paths, in key order. */
function diffValues(before: unknown, after: unknown, path = ""): AttributeChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(before[key], after[key], join_(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffValues(before[i], after[i], `${path}[${i}]`)).flat();
  }
  // Two records or two arrays were compared above, element by element.
  if (before === after) return [];
  // A whole subtree appearing or vanishing is listed leaf by leaf, like a plan shows it.
  if (before === undefined && isContainer(after))
    return leaves(after, path).map(([p, v]) => ({ path: p, after: v }));
  if (after === undefined && isContainer(before))
    return leaves(before, path).map(([p, v]) => ({ path: p, before: v }));
  return [
    {
      path,
      ...(before !== undefined && { before }),
      ...(after !== undefined && { after }),
    },
  ];
}

function leaves(value: unknown, path: string): [string, unknown][] {
  if (isRecord(value) && Object.keys(value).length > 0)
    return Object.keys(value)
      .sort()
      .flatMap((key) => leaves(value[key], join_(path, key)));
  if (Array.isArray(value) && value.length > 0) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return [[path, value]];
}

const join_ = (path: string, key: string) => (path ? `${path}.${key}` : key);
