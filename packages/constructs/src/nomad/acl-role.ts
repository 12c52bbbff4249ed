import { AclPolicy } from "@cdktf/provider-nomad/lib/acl-policy";
import { AclRole } from "@cdktf/provider-nomad/lib/acl-role";
import { Construct } from "../cdktf";
import { check, checkUnique } from "../core";
import { checkDeclared } from "../terraform/declarations";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import type { INomadAclPolicy } from "./acl-policy";
import { NOMAD_NAME } from "./namespace";

export interface NomadAclRoleProps {
  /** Role name; also its address `nomad_acl_role.role_<name>`. */
  readonly name: string;
  /** Shown by `nomad acl role list`. @default empty */
  readonly description?: string;
  /** Policies the role grants; each must be declared in the app. */
  readonly policies: readonly INomadAclPolicy[];
}

/** A Nomad ACL role: a named set of declared policies that tokens link to. */
export class NomadAclRole extends Construct {
  readonly roleName: string;
  /** The `nomad_acl_role` resource. */
  readonly resource: AclRole;

  constructor(scope: Construct, id: string, props: NomadAclRoleProps) {
    super(scope, id);
    check(
      this,
      NOMAD_NAME.test(props.name),
      `role name "${props.name}" is invalid (expected letters, digits or "-")`,
    );
    check(this, props.policies.length > 0, "policies is empty (expected at least one policy)");
    const names = props.policies.map((p) => p.policyName);
    checkUnique(this, "policy", names);
    this.roleName = props.name;
    this.resource = new AclRole(this, "resource", {
      name: props.name,
      description: props.description,
      policy: [...names].sort().map((name) => ({ name })),
    });
    const resource = this.resource;
    claimLogicalId(resource, logicalId("role", props.name));
    this.node.addValidation({
      validate: () =>
        names.flatMap((n) => checkDeclared(this, "policies", AclPolicy.tfResourceType, n) ?? []),
    });
  }
}
