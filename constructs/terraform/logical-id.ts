import type { IConstruct } from "constructs";
import { type TerraformResource, TerraformStack } from "../cdktf";
import { ValidationError } from "../validation";

/**
 * Terraform addresses derived from data, never from construct order, so reordering a list never
 * replaces a resource. Terraform identifiers allow letters, digits, `_` and `-`, and must start with
 * a letter or `_`; anything else becomes `_`.
 */
export function logicalId(...parts: readonly string[]): string {
  const id = parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, "_")).join("_");
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

/** Per stack: `<type>.<id>` → who holds it, so a collision is found in constant time. */
const claims = new WeakMap<TerraformStack, Map<string, string>>();

function claimsOf(scope: IConstruct): Map<string, string> {
  const stack = TerraformStack.of(scope);
  let map = claims.get(stack);
  if (!map) {
    map = new Map();
    claims.set(stack, map);
  }
  return map;
}

export interface ClaimOptions {
  /** The construct named in the error. @default the resource's parent construct */
  readonly owner?: IConstruct;
  /** How the claimant is described in the error. @default the owner's construct path */
  readonly what?: string;
}

/**
 * Gives `resource` the address `<type>.<id>`, refusing one that another item of the stack already
 * holds: two names that sanitize alike (`a.b`, `a_b`) must fail loudly, not overwrite each other.
 */
export function claimLogicalId(resource: TerraformResource, id: string, options: ClaimOptions = {}): void {
  const owner = options.owner ?? resource.node.scope ?? resource;
  const what = options.what ?? owner.node.path;
  const expected =
    'expected names that stay distinct once characters other than letters, digits, "_" and "-" become "_"';
  const address = `${resource.terraformResourceType}.${id}`;
  const ids = claimsOf(resource);
  const holder = ids.get(address);
  if (holder !== undefined && holder !== what) {
    const clash = options.what
      ? `${what} and ${holder} both map to Terraform address ${address}`
      : `Terraform address ${address} is already used by ${holder}`;
    throw new ValidationError(owner, `${clash} (${expected})`);
  }
  ids.set(address, what);
  resource.overrideLogicalId(id);
}

/** Frees an address claimed with {@link claimLogicalId}, when a resource is renamed. */
export function releaseLogicalId(resource: TerraformResource, id: string): void {
  claimsOf(resource).delete(`${resource.terraformResourceType}.${id}`);
}
