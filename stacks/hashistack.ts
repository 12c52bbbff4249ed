import { VaultProvider } from "@cdktf/provider-vault/lib/provider";
import { ConsulProvider } from "@void-linux/infra-constructs/bindings/consul";
import { Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { ConsulAclPolicy } from "@void-linux/infra-constructs/consul";
import { findDeclared } from "@void-linux/infra-constructs/core";
import {
  NomadAclPolicy,
  NomadNamespace,
  NomadScheduler,
  nomadProvider,
} from "@void-linux/infra-constructs/nomad";
import { configureState, RegistryModule, type StateSettings } from "@void-linux/infra-constructs/terraform";
import {
  type IVaultPolicy,
  VaultLdapAuth,
  VaultMount,
  VaultNomadRole,
  VaultPolicy,
} from "@void-linux/infra-constructs/vault";
import type { HashistackEstate } from "../inputs/estate";

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
  readonly nomadPolicies: ReadonlyMap<string, NomadAclPolicy>;
  readonly consulPolicies: ReadonlyMap<string, ConsulAclPolicy>;
  /** The KV secrets engine the stack mounts. */
  readonly kvMount: VaultMount;
  readonly nomadRoles: ReadonlyMap<string, VaultNomadRole>;
  /** The Vault policies this stack writes (not those its modules provide), by name. */
  readonly vaultPolicies: ReadonlyMap<string, VaultPolicy>;
  readonly ldap: VaultLdapAuth;

  constructor(scope: Construct, id: string, { hashistack, state }: HashistackStackProps) {
    super(scope, id);
    configureState(this, state);
    // Addresses and tokens come from NOMAD_*, CONSUL_HTTP_* and VAULT_* in the environment.
    nomadProvider(this, "nomad-provider");
    new ConsulProvider(this, "consul-provider");
    new VaultProvider(this, "vault-provider");

    const modules = new Map(
      Object.entries(hashistack.modules).map(([name, call]) => [name, new RegistryModule(this, name, call)]),
    );
    const find = <T>(map: ReadonlyMap<string, T>, name: string, what: string): T =>
      findDeclared(this, map, name, what);

    const nomadScope = new NamedScope(this, "nomad");
    const namespaceScope = new NamedScope(nomadScope, "namespaces");
    const namespaces = new Map(
      hashistack.nomad.namespaces.map((props) => [
        props.name,
        new NomadNamespace(namespaceScope, props.name, props),
      ]),
    );
    this.namespaces = namespaces;
    const namespace = (name: string) => find(namespaces, name, "Nomad namespace");
    new NomadScheduler(nomadScope, "scheduler", hashistack.nomad.scheduler);
    const nomadPolicyScope = new NamedScope(nomadScope, "policies");
    const nomadPolicies = new Map<string, NomadAclPolicy>();
    for (const { namespaces: rules = [], jobAcl, ...policy } of hashistack.nomad.policies) {
      nomadPolicies.set(
        policy.name,
        new NomadAclPolicy(nomadPolicyScope, policy.name, {
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
    const consulPolicies = hashistack.consul.policies.map(
      (policy) => new ConsulAclPolicy(consul, policy.name, policy),
    );

    const vaultSpec = hashistack.vault;
    const vault = new NamedScope(this, "vault");
    const kv = new VaultMount(new NamedScope(vault, "mounts"), vaultSpec.kvMount.path, vaultSpec.kvMount);
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
      roles.set(
        role.name,
        new VaultNomadRole(roleScope, role.name, { mount: nomadSecrets, name: role.name, policies }),
      );
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
      const created = new VaultPolicy(policyScope, policy.name, { name: policy.name, rules });
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

    this.nomadPolicies = nomadPolicies;
    this.consulPolicies = new Map(consulPolicies.map((policy) => [policy.policyName, policy]));
    this.kvMount = kv;
    this.nomadRoles = roles;
    this.vaultPolicies = ownPolicies;
    this.ldap = ldap;
  }
}

/** Groups one product's constructs under a path segment (`hashistack/nomad/...`). */
class NamedScope extends Construct {}
