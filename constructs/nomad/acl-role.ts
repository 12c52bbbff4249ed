import { AclPolicy } from "../../bindings/nomad/acl-policy";
import { AclRole } from "../../bindings/nomad/acl-role";
import { Construct } from "../cdktf";
import { checkDeclared } from "../terraform/declarations";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { check } from "../validation";
import type { INomadAclPolicy } from "./acl-policy";
import { NOMAD_NAME } from "./namespace";

export interface NomadAclRoleProps {
  /** Role name; also its address `nomad_acl_role.role_<name>`. */
  readonly name: string;
  /** Shown by `nomad acl role list`; default empty. */
  readonly description?: string;
  /** Policies the role grants; each must be declared in the app. */
  readonly policies: readonly INomadAclPolicy[];
}

/** A Nomad ACL role: a named set of declared policies that tokens link to. */
export class NomadAclRole extends Construct {
  readonly roleName: string;

  constructor(scope: Construct, props: NomadAclRoleProps) {
    super(scope, props.name);
    check(
      this,
      NOMAD_NAME.test(props.name),
      `role name "${props.name}" is invalid (expected letters, digits or "-")`,
    );
    check(this, props.policies.length > 0, "policies is empty (expected at least one policy)");
    const names = props.policies.map((p) => p.policyName);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    check(this, duplicate === undefined, `policies: "${duplicate}" is listed twice`);
    this.roleName = props.name;
    const resource = new AclRole(this, "resource", {
      name: props.name,
      description: props.description,
      policies: [...names].sort(),
    });
    claimLogicalId(resource, logicalId("role", props.name));
    this.node.addValidation({
      validate: () =>
        names.flatMap((n) => checkDeclared(this, "policies", AclPolicy.tfResourceType, n) ?? []),
    });
  }
}
