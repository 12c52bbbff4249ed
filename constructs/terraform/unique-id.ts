import { TerraformResource, TerraformStack } from "../cdktf";
import { ValidationError } from "../validation";

/**
 * Sets `resource`'s Terraform address to `<type>.<id>` and refuses an id another resource of the
 * same type in the stack already has (two names that sanitize alike, e.g. `a.b` and `a_b`).
 */
export function setUniqueLogicalId<T extends TerraformResource>(resource: T, id: string): T {
  const type = resource.terraformResourceType;
  for (const other of TerraformStack.of(resource).node.findAll()) {
    if (
      other !== resource &&
      TerraformResource.isTerraformResource(other) &&
      other.terraformResourceType === type &&
      other.friendlyUniqueId === id
    ) {
      throw new ValidationError(
        resource,
        `Terraform address ${type}.${id} is already used by ${other.node.path} (expected names that stay distinct once characters other than letters, digits, "_" and "-" become "_")`,
      );
    }
  }
  resource.overrideLogicalId(id);
  return resource;
}
