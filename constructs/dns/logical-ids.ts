import type { IConstruct } from "constructs";
import { type TerraformResource, TerraformStack } from "../cdktf";
import { ValidationError } from "../validation";

/**
 * Stack-wide registry of the logical ids our constructs assign, so that two different data items
 * that sanitize to the same id fail loudly instead of one silently overwriting the other in the
 * synthesized JSON.
 */
const registries = new WeakMap<TerraformStack, Map<string, string>>();

function registry(scope: IConstruct): Map<string, string> {
  const stack = TerraformStack.of(scope);
  let map = registries.get(stack);
  if (!map) {
    map = new Map();
    registries.set(stack, map);
  }
  return map;
}

/**
 * Gives `resource` the logical id `id`, owned by `owner` and described as `what` in collision
 * messages. Throws a ValidationError naming `owner` when another item already holds the id.
 */
export function assignLogicalId(
  owner: IConstruct,
  resource: TerraformResource,
  id: string,
  what: string,
): void {
  const ids = registry(owner);
  const key = `${resource.terraformResourceType}.${id}`;
  const holder = ids.get(key);
  if (holder !== undefined && holder !== what) {
    throw new ValidationError(
      owner,
      `${what} and ${holder} both map to Terraform id ${key} (expected distinct names after sanitizing)`,
    );
  }
  ids.set(key, what);
  resource.overrideLogicalId(id);
}

/** Frees an id assigned with {@link assignLogicalId} (when a resource is renamed). */
export function releaseLogicalId(owner: IConstruct, resource: TerraformResource, id: string): void {
  registry(owner).delete(`${resource.terraformResourceType}.${id}`);
}
