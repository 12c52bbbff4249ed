import { VaultProvider } from "@cdktf/provider-vault/lib/provider";
import { ConsulProvider } from "../bindings/consul/provider";
import { NomadProvider } from "../bindings/nomad/provider";
import { Construct, TerraformStack } from "../constructs/cdktf";
import { ConsulAclPolicy } from "../constructs/consul";
import { type INomadAclPolicy, NomadAclPolicy, NomadNamespace, NomadScheduler } from "../constructs/nomad";
import { RegistryModule } from "../constructs/terraform/registry-module";
import { addStateMigration, terraformAddress } from "../constructs/terraform/state-migration";
import {
  type IVaultPolicy,
  VaultLdapAuth,
  VaultMount,
  VaultNomadRole,
  VaultPolicy,
} from "../constructs/vault";
import {
  CONSUL_POLICIES,
  HASHISTACK_LEGACY_ADDRESSES as LEGACY,
  NOMAD_NAMESPACES,
  NOMAD_POLICIES,
  NOMAD_SCHEDULER,
  RESINSTACK_MODULES,
  type ResinstackModule,
  VAULT_KV_MOUNT,
  VAULT_LDAP,
  VAULT_LDAP_GROUPS,
  VAULT_NOMAD_ROLES,
  VAULT_POLICIES,
  type VoidNamespace,
  type VoidNomadPolicy,
  type VoidNomadRole,
} from "../estate/hashistack";
import { TERRASTATE_BASE_URL } from "../estate/state";
import { configureState } from "../lib/backend";

/**
 * The HashiStack's ACLs and configuration: Nomad namespaces, scheduler and policies; the Consul
 * policy; Vault's KV mount, policies, Nomad roles and LDAP login; the resinstack base modules.
 */
export class HashistackStack extends TerraformStack {
  /** Nomad namespaces by name, for stacks that place variables or jobs in them. */
  readonly namespaces: ReadonlyMap<VoidNamespace, NomadNamespace>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureState(this, { key: "prod/hashistack", httpBaseUrl: TERRASTATE_BASE_URL });
    // Addresses and tokens come from NOMAD_*, CONSUL_HTTP_* and VAULT_* in the environment.
    new NomadProvider(this, "nomad-provider");
    new ConsulProvider(this, "consul-provider");
    new VaultProvider(this, "vault-provider");

    const modules = Object.fromEntries(
      Object.entries(RESINSTACK_MODULES).map(([name, call]) => [name, new RegistryModule(this, name, call)]),
    ) as Record<ResinstackModule, RegistryModule>;

    const nomadScope = new NamedScope(this, "nomad");
    const nomad = new NomadNamespaceSet(nomadScope, "namespaces");
    this.namespaces = nomad.namespaces;
    new NomadScheduler(nomadScope, "scheduler", NOMAD_SCHEDULER);
    const nomadPolicyScope = new NamedScope(nomadScope, "policies");
    const nomadPolicies = new Map<string, NomadAclPolicy>();
    for (const { namespaces = [], jobAcl, ...policy } of NOMAD_POLICIES as readonly VoidNomadPolicy[]) {
      nomadPolicies.set(
        policy.name,
        new NomadAclPolicy(nomadPolicyScope, {
          ...policy,
          namespaces: namespaces.map((rule) => ({
            ...rule,
            namespace: nomad.namespaceOrGlob(rule.namespace),
          })),
          jobAcl: jobAcl && { namespace: nomad.namespace(jobAcl.namespace), job: jobAcl.job },
        }),
      );
    }

    const consul = new NamedScope(this, "consul");
    const consulPolicies = CONSUL_POLICIES.map((policy) => new ConsulAclPolicy(consul, policy));

    const vault = new NamedScope(this, "vault");
    const kv = new VaultMount(new NamedScope(vault, "mounts"), VAULT_KV_MOUNT);
    const nomadSecrets = VaultMount.fromModule(modules.vault_base, "nomad");
    const roleScope = new NamedScope(vault, "nomad-roles");
    const roles = new Map<VoidNomadRole, VaultNomadRole>();
    for (const role of VAULT_NOMAD_ROLES) {
      const policies: INomadAclPolicy[] = role.policies.map(
        (name) => nomadPolicies.get(name) as NomadAclPolicy,
      );
      roles.set(role.name, new VaultNomadRole(roleScope, { mount: nomadSecrets, name: role.name, policies }));
    }
    const vaultPolicies = new Map<string, IVaultPolicy>(
      RESINSTACK_MODULES.vault_base.provides.vault_policy.map((name) => [
        name,
        VaultPolicy.fromModule(modules.vault_base, name),
      ]),
    );
    const policyScope = new NamedScope(vault, "policies");
    for (const policy of VAULT_POLICIES) {
      const rules =
        "rules" in policy
          ? policy.rules
          : [
              {
                path: (roles.get(policy.nomadCredentials) as VaultNomadRole).credentialsPath,
                capabilities: ["read" as const],
                description: policy.description,
              },
            ];
      vaultPolicies.set(policy.name, new VaultPolicy(policyScope, { name: policy.name, rules }));
    }
    const ldap = new VaultLdapAuth(vault, "ldap", VAULT_LDAP);
    for (const { group, policies } of VAULT_LDAP_GROUPS) {
      ldap.mapGroup(
        group,
        policies.map((name) => vaultPolicies.get(name) as IVaultPolicy),
      );
    }

    addStateMigration(this, {
      moved: [
        ...NOMAD_NAMESPACES.map(({ name }) => ({
          from: `nomad_namespace.${LEGACY.namespaces[name]}`,
          to: terraformAddress(nomad.namespace(name)),
        })),
        ...[...nomadPolicies].map(([name, policy]) => ({
          from: `nomad_acl_policy.${LEGACY.nomadPolicies[name as keyof typeof LEGACY.nomadPolicies]}`,
          to: terraformAddress(policy),
        })),
        ...consulPolicies.map((policy) => ({
          from: `consul_acl_policy.${LEGACY.consulPolicies[policy.policyName]}`,
          to: terraformAddress(policy),
        })),
        { from: `vault_mount.${LEGACY.kvMount}`, to: terraformAddress(kv) },
        ...[...roles].map(([name, role]) => ({
          from: `vault_generic_endpoint.${LEGACY.nomadRoles[name]}`,
          to: terraformAddress(role),
        })),
        ...VAULT_POLICIES.map(({ name }) => ({
          from: `vault_policy.${LEGACY.vaultPolicies[name]}`,
          to: terraformAddress(vaultPolicies.get(name) as VaultPolicy),
        })),
        ...VAULT_LDAP_GROUPS.map(({ group }) => ({
          from: `vault_ldap_auth_backend_group.${LEGACY.ldapGroups[group]}`,
          to: terraformAddress(ldap.node.findChild(`group-${group}`)),
        })),
      ],
      forgotten: LEGACY.forgotten,
    });
  }
}

/** Groups one product's constructs under a path segment (`hashistack/nomad/...`). */
class NamedScope extends Construct {}

/** The Nomad namespaces, with lookups that turn estate names into namespace objects. */
class NomadNamespaceSet extends NamedScope {
  readonly namespaces = new Map<VoidNamespace, NomadNamespace>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const namespace of NOMAD_NAMESPACES) {
      this.namespaces.set(namespace.name, new NomadNamespace(this, namespace));
    }
  }

  namespace(name: VoidNamespace): NomadNamespace {
    return this.namespaces.get(name) as NomadNamespace;
  }

  namespaceOrGlob<G extends `${string}*${string}`>(name: VoidNamespace | G): NomadNamespace | G {
    return name.includes("*") ? (name as G) : this.namespace(name as VoidNamespace);
  }
}
