import { type IConstruct, type TerraformResource, TerraformStack } from "../cdktf";
import { ValidationError } from "../core";
import { relativeDefaultState } from "./local-state";

/**
 * Terraform addresses derived from data, never from construct order, so reordering a list never
 * replaces a resource. Terraform identifiers allow letters, digits, `_` and `-`, and must start with
 * a letter or `_`; anything else becomes `_`.
 */
export function logicalId(...parts: readonly string[]): string {
  const id = parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, "_")).join("_");
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

/**
 * The logical id of a construct's path below its stack (`zones/example` → `zones_example`).
 * Distinct paths may still sanitize alike; {@link claimLogicalId} then fails naming both.
 */
export function pathId(construct: IConstruct): string {
  const stack = TerraformStack.of(construct);
  const below = construct.node.scopes.slice(construct.node.scopes.indexOf(stack) + 1);
  return logicalId(...below.map((c) => c.node.id));
}

/** Per stack: `<type>.<id>` → the resource holding it, so a collision is found in constant time. */
const claims = new WeakMap<TerraformStack, Map<string, TerraformResource>>();

function claimsOf(scope: IConstruct): Map<string, TerraformResource> {
  const stack = TerraformStack.of(scope);
  let map = claims.get(stack);
  if (!map) {
    map = new Map();
    claims.set(stack, map);
    // The first resource the library places in a stack: its state must not depend on the machine.
    relativeDefaultState(stack);
  }
  return map;
}

/**
 * Gives `resource` the address `<type>.<id>`. Two resources never share an address: a second
 * claim (two names that sanitize alike, two zones given the same prefix) fails naming both
 * constructs, instead of one silently overwriting the other. Identity decides, not labels.
 */
export function claimLogicalId(resource: TerraformResource, id: string): void {
  const address = `${resource.terraformResourceType}.${id}`;
  const ids = claimsOf(resource);
  const holder = ids.get(address);
  if (holder !== undefined && holder !== resource) {
    throw new ValidationError(
      resource.node.scope ?? resource,
      `Terraform address ${address} would be held by both ${holder.node.path} and ${resource.node.path} (expected names that stay distinct once characters other than letters, digits, "_" and "-" become "_", and a distinct id prefix per zone or organization)`,
    );
  }
  ids.set(address, resource);
  resource.overrideLogicalId(id);
}
