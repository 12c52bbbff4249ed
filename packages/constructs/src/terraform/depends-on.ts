import type { TerraformResource } from "../cdktf";
import { addressOf } from "./state-migration";

/**
 * Makes `resource` wait for `on`, and be destroyed before it. Each address once, in address order,
 * so the output never depends on the order constructs were declared in.
 */
export function dependOn(resource: TerraformResource, on: TerraformResource): void {
  const address = addressOf(on);
  const current = resource.dependsOn ?? [];
  if (!current.includes(address)) resource.dependsOn = [...current, address].sort();
}
