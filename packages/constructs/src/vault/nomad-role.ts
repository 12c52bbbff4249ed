import { AclPolicy as NomadAclPolicyResource } from "@cdktf/provider-nomad/lib/acl-policy";
import { GenericEndpoint } from "@cdktf/provider-vault/lib/generic-endpoint";
import { Mount } from "@cdktf/provider-vault/lib/mount";
import { Construct } from "../cdktf";
import { check, checkUnique } from "../core";
import type { INomadAclPolicy } from "../nomad/acl-policy";
import { checkDeclared } from "../terraform/declarations";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import type { IVaultMount } from "./mount";

export type NomadTokenType = "client" | "management";

export interface VaultNomadRoleProps {
  /** The Nomad secrets engine mount, e.g. `VaultMount.fromModule(vaultBase, "nomad")`. */
  readonly mount: IVaultMount;
  /** Role name: tokens come from `<mount>/creds/<name>`; also part of the address. */
  readonly name: string;
  /** Nomad policies the tokens carry, by object; each must be declared in the app. @default none, which only `management` accepts */
  readonly policies?: readonly INomadAclPolicy[];
  /** `management` tokens bypass ACLs and take no policies. @default "client" */
  readonly type?: NomadTokenType;
  /** Create tokens replicated to every region. @default false (left to Vault) */
  readonly global?: boolean;
}

/**
 * A role of Vault's Nomad secrets engine (`<mount>/role/<name>`), written with
 * `vault_generic_endpoint`. It depends on the mount, and names Nomad policies by object, so a
 * role can neither race its mount on a fresh apply nor name a policy that does not exist.
 */
export class VaultNomadRole extends Construct {
  readonly roleName: string;
  /** Where holders read tokens: `<mount>/creds/<name>`, for use in a Vault policy rule. */
  readonly credentialsPath: string;
  /** The `vault_generic_endpoint` that writes the role. */
  readonly resource: GenericEndpoint;

  constructor(scope: Construct, id: string, props: VaultNomadRoleProps) {
    super(scope, id);
    const type = props.type ?? "client";
    const policies = props.policies ?? [];
    check(this, /^[A-Za-z0-9_-]+$/.test(props.name), `role name "${props.name}" is invalid`);
    check(this, type === "management" || policies.length > 0, () => {
      return "client role has no policies (expected at least one Nomad policy, or type management)";
    });
    check(
      this,
      type === "client" || policies.length === 0,
      "management role takes no policies (it bypasses ACLs)",
    );
    const names = policies.map((p) => p.policyName);
    checkUnique(this, "policy", names);
    this.roleName = props.name;
    this.credentialsPath = `${props.mount.mountPath}/creds/${props.name}`;

    const data: Record<string, unknown> = type === "management" ? { type } : { policies: names };
    if (props.global !== undefined) data.global = props.global;
    this.resource = new GenericEndpoint(this, "resource", {
      path: `${props.mount.mountPath}/role/${props.name}`,
      dataJson: JSON.stringify(data),
      // Vault returns more fields than were written; without this every plan shows a diff.
      ignoreAbsentFields: true,
      dependsOn: props.mount.dependable ? [props.mount.dependable] : undefined,
    });
    const resource = this.resource;
    claimLogicalId(resource, logicalId("nomad_role", props.name));

    this.node.addValidation({
      validate: () => [
        ...names.flatMap(
          (n) => checkDeclared(this, "policies", NomadAclPolicyResource.tfResourceType, n) ?? [],
        ),
        ...[checkDeclared(this, "mount", Mount.tfResourceType, props.mount.mountPath) ?? []].flat(),
      ],
    });
  }
}
