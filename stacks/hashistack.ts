import { VaultProvider } from "@cdktf/provider-vault/lib/provider";
import { ConsulProvider } from "../bindings/consul/provider";
import { NomadProvider } from "../bindings/nomad/provider";
import { Construct, TerraformStack } from "../constructs/cdktf";
import { ConsulAclPolicy } from "../constructs/consul";
import { NomadAclPolicy, NomadNamespace, NomadScheduler } from "../constructs/nomad";
import { RegistryModule } from "../constructs/terraform/registry-module";
import { addStateMigration, terraformAddress } from "../constructs/terraform/state-migration";
import { ValidationError } from "../constructs/validation";
import {
  type IVaultPolicy,
  VaultLdapAuth,
  VaultMount,
  VaultNomadRole,
  VaultPolicy,
} from "../constructs/vault";
import type { HashistackEstate } from "../estate/hashistack";
import { HASHISTACK_LEGACY_ADDRESSES as LEGACY } from "../estate/hashistack-legacy";
import { configureState, type StateSettings } from "../lib/backend";
import { didYouMean } from "../lib/suggest";

export interface HashistackStackProps {
  readonly hashistack: HashistackEstate;
  readonly state: StateSettings;
}

/**
 * The HashiStack's ACLs and configuration: Nomad namespaces, scheduler and policies; Consul
 * policies; Vault's KV mount, policies, Nomad roles and LDAP login; the base modules.
 */
export class HashistackStack extends TerraformStack {
  /** Nomad namespaces by name, for stacks that place variables or jobs in them. */
  readonly namespaces: ReadonlyMap<string, NomadNamespace>;

  constructor(scope: Construct, id: string, { hashistack, state }: HashistackStackProps) {
    super(scope, id);
    configureState(this, state);
    // Addresses and tokens come from NOMAD_*, CONSUL_HTTP_* and VAULT_* in the environment.
    new NomadProvider(this, "nomad-provider");
    new ConsulProvider(this, "consul-provider");
    new VaultProvider(this, "vault-provider");

    const modules = new Map(
      Object.entries(hashistack.modules).map(([name, call]) => [name, new RegistryModule(this, name, call)]),
    );
    const find = <T>(map: ReadonlyMap<string, T>, name: string, what: string): T => {
      const found = map.get(name);
      if (found !== undefined) return found;
      const known = [...map.keys()];
      throw new ValidationError(
        this,
        `${what} "${name}" is not declared${didYouMean(name, known)} (expected one of: ${known.join(", ")})`,
      );
    };

    const nomadScope = new NamedScope(this, "nomad");
    const namespaceScope = new NamedScope(nomadScope, "namespaces");
    const namespaces = new Map(
      hashistack.nomad.namespaces.map((props) => [props.name, new NomadNamespace(namespaceScope, props)]),
    );
    this.namespaces = namespaces;
    const namespace = (name: string) => find(namespaces, name, "Nomad namespace");
    new NomadScheduler(nomadScope, "scheduler", hashistack.nomad.scheduler);
    const nomadPolicyScope = new NamedScope(nomadScope, "policies");
    const nomadPolicies = new Map<string, NomadAclPolicy>();
    for (const { namespaces: rules = [], jobAcl, ...policy } of hashistack.nomad.policies) {
      nomadPolicies.set(
        policy.name,
        new NomadAclPolicy(nomadPolicyScope, {
          ...policy,
          namespaces: rules.map((rule) => ({
            ...rule,
            namespace: rule.namespace.includes("*")
              ? (rule.namespace as `${string}*${string}`)
              : namespace(rule.namespace),
          })),
          jobAcl: jobAcl && { namespace: namespace(jobAcl.namespace), job: jobAcl.job },
        }),
      );
    }

    const consul = new NamedScope(this, "consul");
    const consulPolicies = hashistack.consul.policies.map((policy) => new ConsulAclPolicy(consul, policy));

    const vaultSpec = hashistack.vault;
    const vault = new NamedScope(this, "vault");
    const kv = new VaultMount(new NamedScope(vault, "mounts"), vaultSpec.kvMount);
    const nomadSecrets = VaultMount.fromModule(
      find(modules, vaultSpec.nomadSecrets.module, "module"),
      vaultSpec.nomadSecrets.path,
    );
    const roleScope = new NamedScope(vault, "nomad-roles");
    const roles = new Map<string, VaultNomadRole>();
    for (const role of vaultSpec.nomadRoles) {
      const policies = role.policies.map((name) =>
        find(nomadPolicies, name, `role ${role.name}: Nomad policy`),
      );
      roles.set(role.name, new VaultNomadRole(roleScope, { mount: nomadSecrets, name: role.name, policies }));
    }
    const vaultPolicies = new Map<string, IVaultPolicy>();
    for (const [name, module] of modules) {
      for (const policy of hashistack.modules[name].provides.vault_policy ?? [])
        vaultPolicies.set(policy, VaultPolicy.fromModule(module, policy));
    }
    const policyScope = new NamedScope(vault, "policies");
    const ownPolicies = new Map<string, VaultPolicy>();
    for (const policy of vaultSpec.policies) {
      const rules =
        "rules" in policy
          ? policy.rules
          : [
              {
                path: find(roles, policy.nomadCredentials, `policy ${policy.name}: Nomad role`)
                  .credentialsPath,
                capabilities: ["read" as const],
                description: policy.description,
              },
            ];
      const created = new VaultPolicy(policyScope, { name: policy.name, rules });
      ownPolicies.set(policy.name, created);
      vaultPolicies.set(policy.name, created);
    }
    const ldap = new VaultLdapAuth(vault, "ldap", vaultSpec.ldap);
    for (const { group, policies } of vaultSpec.ldapGroups) {
      ldap.mapGroup(
        group,
        policies.map((name) => find(vaultPolicies, name, `LDAP group ${group}: Vault policy`)),
      );
    }

    // Void's old addresses; a name without one (added since) has nothing to adopt.
    const moves = <T>(
      table: Readonly<Record<string, string>>,
      type: string,
      items: ReadonlyMap<string, T>,
      to: (item: T, name: string) => string,
    ) =>
      [...items].flatMap(([name, item]) =>
        table[name] === undefined ? [] : [{ from: `${type}.${table[name]}`, to: to(item, name) }],
      );
    addStateMigration(this, {
      moved: [
        ...moves(LEGACY.namespaces, "nomad_namespace", namespaces, terraformAddress),
        ...moves(LEGACY.nomadPolicies, "nomad_acl_policy", nomadPolicies, terraformAddress),
        ...moves(
          LEGACY.consulPolicies,
          "consul_acl_policy",
          new Map(consulPolicies.map((p) => [p.policyName, p])),
          terraformAddress,
        ),
        ...moves(LEGACY.kvMount, "vault_mount", new Map([[kv.mountPath, kv]]), terraformAddress),
        ...moves(LEGACY.nomadRoles, "vault_generic_endpoint", roles, terraformAddress),
        ...moves(LEGACY.vaultPolicies, "vault_policy", ownPolicies, terraformAddress),
        ...moves(
          LEGACY.ldapGroups,
          "vault_ldap_auth_backend_group",
          new Map(vaultSpec.ldapGroups.map(({ group }) => [group, group])),
          (group) => terraformAddress(ldap.node.findChild(`group-${group}`)),
        ),
      ],
      forgotten: LEGACY.forgotten,
    });
  }
}

/** Groups one product's constructs under a path segment (`hashistack/nomad/...`). */
class NamedScope extends Construct {}
