import type { TerraformResource } from "@void-linux/infra-constructs/cdktf";
import { addressOf } from "@void-linux/infra-constructs/terraform";

export type Move = { readonly from: string; readonly to: string };

/** `from` → the resource's address, or nothing when the resource is not built (no longer declared). */
export function move(from: string, to: TerraformResource | undefined): Move[] {
  return to === undefined ? [] : [{ from, to: addressOf(to) }];
}

/**
 * One move per named resource that an old-address table knows (`name` → old logical id of the
 * same type): a name added since the old code has nothing to adopt, and an old name no longer
 * declared has nothing to move to.
 */
export function movesByName(
  table: Readonly<Record<string, string>>,
  resources: ReadonlyMap<string, TerraformResource>,
): Move[] {
  return [...resources].flatMap(([name, resource]) => {
    const old = table[name];
    return old === undefined ? [] : move(`${resource.terraformResourceType}.${old}`, resource);
  });
}

/** The resources of a map of constructs that expose one, by the same names. */
export function resourcesOf(
  constructs: ReadonlyMap<string, { readonly resource: TerraformResource }>,
): ReadonlyMap<string, TerraformResource> {
  return new Map([...constructs].map(([name, construct]) => [name, construct.resource]));
}
