import type { TerraformResource, TerraformStack } from "../../runtime/cdktf";
import { compareText } from "../../runtime/values";

/** A resource's Terraform address, `<type>.<logical id>`. */
export function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

export interface StateMigration {
  /** Old address → new address; Terraform moves state instead of replacing objects. Default none. */
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
  /** Addresses to drop from state without destroying the object (`removed`, destroy = false). Default none. */
  readonly forgotten?: readonly string[];
  /** Existing objects to take into state (`import`), by the id their provider documents. Default none. */
  readonly imported?: readonly { readonly to: TerraformResource; readonly id: string }[];
}

/**
 * Adds `moved`, `removed` and `import` blocks (Terraform 1.7+) to `stack`, so adopting code that names
 * resources differently from an existing state changes no real object. Call once per stack;
 * entries are sorted by code unit, so the JSON depends neither on call order nor on the locale.
 */
export function addStateMigration(stack: TerraformStack, migration: StateMigration): void {
  const moved = [...(migration.moved ?? [])]
    .filter((m) => m.from !== m.to)
    .sort((a, b) => compareText(a.from, b.from));
  const forgotten = [...(migration.forgotten ?? [])].sort();
  if (moved.length > 0)
    stack.addOverride(
      "moved",
      moved.map(({ from, to }) => ({ from, to })),
    );
  const imported = [...(migration.imported ?? [])]
    .map(({ to, id }) => ({ to: addressOf(to), id }))
    .sort((a, b) => compareText(a.to, b.to));
  if (imported.length > 0) stack.addOverride("import", imported);
  if (forgotten.length > 0) {
    stack.addOverride(
      "removed",
      forgotten.map((from) => ({ from, lifecycle: { destroy: false } })),
    );
  }
}
