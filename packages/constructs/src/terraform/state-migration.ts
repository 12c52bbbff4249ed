import { type TerraformResource, TerraformStack } from "../cdktf";
import { compareText } from "../core";

/** A resource's Terraform address, `<type>.<logical id>`. */
export function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

export interface StateMigration {
  /** Old address → new address; Terraform moves state instead of replacing objects. @default none */
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
  /** Addresses to drop from state without destroying the object (`removed`, destroy = false). @default none */
  readonly forgotten?: readonly string[];
  /** Existing objects to take into state (`import`), by the id their provider documents. @default none */
  readonly imported?: readonly { readonly to: TerraformResource; readonly id: string }[];
}

/** Everything a stack was asked to move, forget and import, in the order it was asked. */
interface Pending {
  /** New address → the addresses state may hold it under: adoption's first, then renames', oldest first. */
  readonly earlier: Map<string, { adopted: string[]; renamed: string[] }>;
  readonly forgotten: Set<string>;
  readonly imported: Map<string, string>;
}

const pending = new WeakMap<TerraformStack, Pending>();

function pendingOf(stack: TerraformStack): Pending {
  let found = pending.get(stack);
  if (!found) {
    found = { earlier: new Map(), forgotten: new Set(), imported: new Map() };
    pending.set(stack, found);
  }
  return found;
}

function earlierOf(stack: TerraformStack, to: string): { adopted: string[]; renamed: string[] } {
  const { earlier } = pendingOf(stack);
  const entry = earlier.get(to) ?? { adopted: [], renamed: [] };
  earlier.set(to, entry);
  return entry;
}

/**
 * Adds `moved`, `removed` and `import` blocks (Terraform 1.7+) to `stack`, so adopting code that
 * names resources differently from an existing state changes no real object. May be called more
 * than once per stack; entries are sorted so the JSON does not depend on call order.
 */
export function addStateMigration(stack: TerraformStack, migration: StateMigration): void {
  const { forgotten, imported } = pendingOf(stack);
  for (const { from, to } of migration.moved ?? []) earlierOf(stack, to).adopted.push(from);
  for (const from of migration.forgotten ?? []) forgotten.add(from);
  for (const { to, id } of migration.imported ?? []) imported.set(addressOf(to), id);
  render(stack);
}

/**
 * Records that `resource` was declared under each of `earlier` (oldest first) before a rename:
 * whatever state holds at any of them moves to the resource instead of being destroyed. Terraform
 * ignores a `moved` block whose `from` is not in state, so an old name may stay listed. A later
 * call for the same resource replaces what an earlier one said.
 */
export function setRenames(resource: TerraformResource, earlier: readonly string[]): void {
  const stack = TerraformStack.of(resource);
  const to = addressOf(resource);
  const known = pendingOf(stack).earlier.get(to);
  if (earlier.length === 0 && known === undefined) return;
  earlierOf(stack, to).renamed = [...earlier];
  render(stack);
}

/**
 * Terraform takes one `from` per destination, so several earlier addresses of one resource become
 * a chain (oldest → … → newest → the resource), which moves whichever of them state holds.
 */
function chains(earlier: Pending["earlier"]): { from: string; to: string }[] {
  return [...earlier].flatMap(([to, { adopted, renamed }]) => {
    const path = [...new Set([...adopted, ...renamed])].filter((address) => address !== to);
    return path.map((from, i) => ({ from, to: path[i + 1] ?? to }));
  });
}

function render(stack: TerraformStack): void {
  const { earlier, forgotten, imported } = pendingOf(stack);
  const moved = chains(earlier).sort((a, b) => compareText(a.from, b.from));
  if (moved.length > 0) stack.addOverride("moved", moved);
  const imports = [...imported].map(([to, id]) => ({ to, id })).sort((a, b) => compareText(a.to, b.to));
  if (imports.length > 0) stack.addOverride("import", imports);
  if (forgotten.size > 0)
    stack.addOverride(
      "removed",
      [...forgotten].sort().map((from) => ({ from, lifecycle: { destroy: false } })),
    );
}
