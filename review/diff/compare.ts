import { asRecord, isRecord } from "../../runtime/values";
import type { OutputView } from "../change/describers/shared";
import type { Action, AttributeChange, BlockKind, Body, Change } from "../change/model";
import { type ArtifactFile, entriesOf } from "./artifacts";
import type { StackJson, SynthOutput } from "./model";

/** A block of a stack or an entry of an artifact, keyed by its address. */
interface Block {
  readonly kind: BlockKind;
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
}

/**
 * Every change between two outputs: the stacks by name, then (when both outputs hold artifacts)
 * the artifacts in the head's order (the registry's), each by address. A resource that a `moved` block of the head renames is
 * one change under its new address, one that an `import` block adopts is an import, one that a
 * `removed` block lets go of (`destroy = false`) is forgotten, as Terraform will plan them.
 */
export function compareOutputs(base: SynthOutput, head: SynthOutput): Change[] {
  const stacks = [...new Set([...base.stacks.keys(), ...head.stacks.keys()])].sort();
  const changes = stacks.flatMap((stack) =>
    compareStack(stack, base.stacks.get(stack), head.stacks.get(stack)),
  );
  if (!base.artifacts || !head.artifacts) return changes;
  const paths = [...new Set([...head.artifacts.keys(), ...base.artifacts.keys()])];
  return [
    ...changes,
    ...paths.flatMap((path) =>
      compareBlocks(
        path,
        artifactBlocks(base.artifacts?.get(path)),
        artifactBlocks(head.artifacts?.get(path)),
      ),
    ),
  ];
}

function compareStack(stack: string, base?: StackJson, head?: StackJson): Change[] {
  const changes = compareBlocks(stack, stackBlocks(base), stackBlocks(head));
  const moved = new Map(blockList(head?.moved).map((m) => [String(m.to), String(m.from)]));
  const imported = new Map(blockList(head?.import).map((i) => [String(i.to), i.id]));
  const forgotten = new Set(
    blockList(head?.removed)
      .filter((r) => asRecord(r.lifecycle).destroy === false)
      .map((r) => String(r.from)),
  );
  // A moved block pairs a deletion at `from` with a creation at `to`: one change, as Terraform plans it.
  const deleted = new Map(changes.filter((c) => c.action === "delete").map((c) => [c.address, c]));
  const pairedFrom = new Set<string>();
  const paired = changes.map((change): Change => {
    const from = moved.get(change.address);
    const old = from === undefined ? undefined : deleted.get(from);
    if (change.action === "create" && from !== undefined && old) {
      pairedFrom.add(from);
      const attributes = diffValues(old.before, change.after);
      return {
        ...change,
        action: attributes.length === 0 ? "move" : "update",
        previousAddress: from,
        before: old.before,
        attributes,
      };
    }
    if (change.action === "create" && imported.has(change.address))
      return { ...change, action: "import", importId: text(imported.get(change.address)) };
    if (change.action === "delete" && forgotten.has(change.address)) return { ...change, action: "forget" };
    return change;
  });
  return paired.filter((c) => !(c.action === "delete" && pairedFrom.has(c.address)));
}

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

function blockList(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : []).filter(isRecord);
}

function compareBlocks(stack: string, before: Map<string, Block>, after: Map<string, Block>): Change[] {
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

function artifactBlocks(file?: ArtifactFile): Map<string, Block> {
  const blocks = new Map<string, Block>();
  if (!file) return blocks;
  for (const [address, entry] of entriesOf(file))
    blocks.set(address, { kind: "artifact", type: entry.type, name: entry.name, body: { ...entry.body } });
  return blocks;
}

function stackBlocks(stack?: StackJson): Map<string, Block> {
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

/** A stack's resources by address, for describers following `${type.name.attr}` references. */
export function stackView(stack: StackJson | undefined): OutputView | undefined {
  if (!stack) return undefined;
  const resources = asRecord(stack.resource);
  const byType = new Map<string, Map<string, Body>>();
  const bodies = (type: string) => {
    const known = byType.get(type);
    if (known) return known;
    const found = new Map<string, Body>(entries(resources[type]));
    byType.set(type, found);
    return found;
  };
  return {
    resource(address) {
      const dot = address.indexOf(".");
      return bodies(address.slice(0, dot)).get(address.slice(dot + 1));
    },
    resourcesOf: (type) => [...bodies(type).values()],
  };
}

/** An artifact's entries as a view: for describers that look at the rest of the file. */
export function artifactView(file: ArtifactFile | undefined): OutputView | undefined {
  if (!file) return undefined;
  const blocks = artifactBlocks(file);
  return {
    resource: (address) => blocks.get(address)?.body,
    resourcesOf: (type) => [...blocks.values()].filter((b) => b.type === type).map((b) => b.body),
  };
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

/**
 * Leaf-by-leaf differences between two JSON values, in key order, with paths as Terraform prints
 * them and values as JSON text (the shared model's printable form).
 */
function diffValues(before: unknown, after: unknown, path = ""): AttributeChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(before[key], after[key], step(path, key)));
  }
  // A list of plain values reads best whole (["bob","dave"]), as the plan summary shows it.
  if (isPlainList(before) && isPlainList(after))
    return printed(before) === printed(after)
      ? []
      : [{ path, before: printed(before), after: printed(after) }];
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffValues(before[i], after[i], `${path}[${i}]`)).flat();
  }
  // Two records or two arrays were compared above, element by element.
  if (before === after) return [];
  // A whole subtree appearing or vanishing is listed leaf by leaf, like a plan shows it.
  if (before === undefined && isContainer(after))
    return leaves(after, path).map(([p, v]) => ({ path: p, after: printed(v) }));
  if (after === undefined && isContainer(before))
    return leaves(before, path).map(([p, v]) => ({ path: p, before: printed(v) }));
  return [
    {
      path,
      ...(before !== undefined && { before: printed(before) }),
      ...(after !== undefined && { after: printed(after) }),
    },
  ];
}

const printed = (value: unknown) => JSON.stringify(value);

const isPlainList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.every((v) => v === null || typeof v !== "object");

function leaves(value: unknown, path: string): [string, unknown][] {
  if (isRecord(value) && Object.keys(value).length > 0)
    return Object.keys(value)
      .sort()
      .flatMap((key) => leaves(value[key], step(path, key)));
  if (Array.isArray(value) && value.length > 0 && !isPlainList(value))
    return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return [[path, value]];
}

/** `a.b`, or `a["odd key"]` for a key that is not a plain name (a URL, a login with dots). */
function step(path: string, key: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}
