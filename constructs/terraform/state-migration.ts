import type { IConstruct } from "constructs";
import { TerraformResource, type TerraformStack } from "../cdktf";
import { ValidationError } from "../validation";

/** `<type>.<name>` of the one Terraform resource inside `construct`. */
export function terraformAddress(construct: IConstruct): string {
  const resources = construct.node.findAll().filter((c) => TerraformResource.isTerraformResource(c));
  if (resources.length !== 1) {
    throw new ValidationError(
      construct,
      `expected exactly one Terraform resource inside, found ${resources.length}`,
    );
  }
  const [resource] = resources as TerraformResource[];
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/**
 * A move for every resource under `scope` that `legacyAddress` knows an old address for: how a
 * stack adopts a state written by differently named, hand-written Terraform.
 */
export function legacyMoves(
  scope: IConstruct,
  legacyAddress: (resource: TerraformResource) => string | undefined,
): { from: string; to: string }[] {
  return scope.node.findAll().flatMap((construct) => {
    if (!TerraformResource.isTerraformResource(construct)) return [];
    const resource = construct as TerraformResource;
    const from = legacyAddress(resource);
    return from ? [{ from, to: `${resource.terraformResourceType}.${resource.friendlyUniqueId}` }] : [];
  });
}

export interface StateMigration {
  /** Old address → new address; Terraform moves state instead of replacing objects. Default none. */
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
  /** Addresses to drop from state without destroying the object (`removed`, destroy = false). Default none. */
  readonly forgotten?: readonly string[];
}

/**
 * Adds `moved` and `removed` blocks (Terraform 1.7+) to `stack`, so adopting code that names
 * resources differently from an existing state changes no real object. Call once per stack;
 * entries are sorted so the JSON does not depend on call order.
 */
export function addStateMigration(stack: TerraformStack, migration: StateMigration): void {
  const moved = [...(migration.moved ?? [])]
    .filter((m) => m.from !== m.to)
    .sort((a, b) => a.from.localeCompare(b.from));
  const forgotten = [...(migration.forgotten ?? [])].sort();
  if (moved.length > 0)
    stack.addOverride(
      "moved",
      moved.map(({ from, to }) => ({ from, to })),
    );
  if (forgotten.length > 0) {
    stack.addOverride(
      "removed",
      forgotten.map((from) => ({ from, lifecycle: { destroy: false } })),
    );
  }
}
