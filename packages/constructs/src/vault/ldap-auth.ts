import { LdapAuthBackend } from "@cdktf/provider-vault/lib/ldap-auth-backend";
import { LdapAuthBackendGroup } from "@cdktf/provider-vault/lib/ldap-auth-backend-group";
import { Policy } from "@cdktf/provider-vault/lib/policy";
import { Construct } from "../cdktf";
import { check, checkUnique } from "../core";
import { checkDeclared } from "../terraform/declarations";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { type IVaultPolicy, VaultPolicy } from "./policy";

export interface VaultLdapAuthProps {
  /** Auth mount path; also part of the addresses. This construct alone owns the mount. @default "ldap" */
  readonly path?: string;
  /** LDAP server URL(s), comma-separated, e.g. `ldap://localhost`. */
  readonly url: string;
  /** Base DN under which users are searched. */
  readonly userdn: string;
  /** Attribute holding the login name, e.g. `uid`. */
  readonly userattr: string;
  /** Find the bind DN by searching instead of building it from `userattr`. @default false */
  readonly discoverdn?: boolean;
  /** Base DN for the group search. */
  readonly groupdn: string;
  /** Go template of the group search filter, e.g. `(uid={{.Username}})`. */
  readonly groupfilter: string;
  /** Attribute of the group entries (or user entry) that names the groups, e.g. `memberOf`. */
  readonly groupattr: string;
  /** Hard upper limit of token lifetime in seconds. @default the system's maximum */
  readonly tokenExplicitMaxTtl?: number;
  /** Shown by `vault auth list`. @default empty */
  readonly description?: string;
  /**
   * Entries per LDAP search page. Provider 5.x sends -1 (no paging) when unset; a server that was
   * configured by an older provider reads back Vault's own default, so adopters pin it.
   * @default -1
   */
  readonly maxPageSize?: number;
}

/**
 * Vault's LDAP auth method: one `vault_ldap_auth_backend` that both enables the auth mount and
 * configures it (no separate `vault_auth_backend` for the same path), plus directory groups mapped
 * to Vault policies with {@link mapGroup}.
 */
export class VaultLdapAuth extends Construct {
  readonly path: string;
  /** The `vault_ldap_auth_backend` resource (mount and configuration). */
  readonly backend: LdapAuthBackend;
  private readonly groupMap = new Map<string, LdapAuthBackendGroup>();

  constructor(scope: Construct, id: string, props: VaultLdapAuthProps) {
    super(scope, id);
    this.path = props.path ?? "ldap";
    check(this, /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(this.path), `auth path "${this.path}" is invalid`);
    check(this, /^ldaps?:\/\/\S+$/.test(props.url.split(",")[0].trim()), () => {
      return `url "${props.url}" is not an LDAP URL (expected ldap://host or ldaps://host)`;
    });
    this.backend = new LdapAuthBackend(this, "backend", {
      path: this.path,
      url: props.url,
      userdn: props.userdn,
      userattr: props.userattr,
      discoverdn: props.discoverdn ?? false,
      groupdn: props.groupdn,
      groupfilter: props.groupfilter,
      groupattr: props.groupattr,
      tokenExplicitMaxTtl: props.tokenExplicitMaxTtl,
      description: props.description,
      // Written out: the provider's defaults for these changed across major releases.
      denyNullBind: true,
      local: false,
      maxPageSize: props.maxPageSize ?? -1,
    });
    claimLogicalId(this.backend, logicalId(this.path));
  }

  /**
   * Members of directory group `group` log in with `policies`. Each policy must be declared in the
   * app (a {@link VaultPolicy}, or one a module provides); the check runs at synth.
   */
  mapGroup(group: string, policies: readonly IVaultPolicy[]): this {
    const where = `group "${group}"`;
    check(
      this,
      group.length > 0 && !/[\s/]/.test(group),
      `${where}: name is invalid (expected no spaces or "/")`,
    );
    check(this, !this.groupMap.has(group), `${where}: is mapped twice (expected one mapping per group)`);
    check(this, policies.length > 0, `${where}: has no policies (expected at least one)`);
    const names = policies.map((p) => p.policyName);
    checkUnique(this, `${where}: policy`, names);

    // Policies of this stack are referenced by attribute; the others (modules) by depends_on.
    const external = new Set(
      policies.flatMap((p) => (p instanceof VaultPolicy || !p.dependable ? [] : [p.dependable])),
    );
    const scope = new Construct(this, `group-${group}`);
    const resource = new LdapAuthBackendGroup(scope, "resource", {
      backend: this.backend.path,
      groupname: group,
      policies: policies.map((p) => (p instanceof VaultPolicy ? p.nameFor(this) : p.policyName)),
      dependsOn: external.size > 0 ? [...external] : undefined,
    });
    claimLogicalId(resource, logicalId(this.path, "group", group));
    this.groupMap.set(group, resource);
    scope.node.addValidation({
      validate: () => names.flatMap((n) => checkDeclared(scope, "policies", Policy.tfResourceType, n) ?? []),
    });
    return this;
  }

  /** The `vault_ldap_auth_backend_group` of each mapped directory group. */
  get groups(): ReadonlyMap<string, LdapAuthBackendGroup> {
    return this.groupMap;
  }
}
