import type { ConsulAclPolicyProps } from "../constructs/consul";
import type {
  CoarsePolicy,
  NamespaceGlob,
  NamespacePolicy,
  NomadNamespaceProps,
  NomadSchedulerProps,
  VariablePathRule,
} from "../constructs/nomad";
import type { VaultLdapAuthProps, VaultMountProps, VaultPathRule } from "../constructs/vault";

/*
 * Void's HashiStack ACLs and configuration as typed data. Names that other entries refer to are
 * literal union types, so a reference to something that does not exist does not compile; the
 * constructs check the same again at synth.
 */

const NOMAD_NAMESPACES = [
  { name: "monitoring", description: "Monitoring Components" },
  { name: "infrastructure", description: "Shared Infrastructure" },
  { name: "apps", description: "Individual applications" },
  { name: "apps-restricted", description: "Individual Applications (Restricted Management)" },
  { name: "build", description: "Home of build related tasks" },
  { name: "mirror", description: "Home of mirror related tasks" },
] as const;
export type VoidNamespace = (typeof NOMAD_NAMESPACES)[number]["name"];

const NOMAD_SCHEDULER: NomadSchedulerProps = {
  algorithm: "binpack",
  memoryOversubscription: true,
  preemption: ["sysbatch"],
};

/** A Nomad policy in estate form: namespaces by name (or a glob such as `*`). */
interface NomadPolicySpec {
  readonly name: string;
  readonly description: string;
  readonly namespaces?: readonly {
    readonly namespace: string;
    readonly policy?: NamespacePolicy;
    readonly variables?: readonly VariablePathRule[];
  }[];
  readonly node?: CoarsePolicy;
  readonly jobAcl?: { readonly namespace: string; readonly job: string };
}

/** Void's policies, with namespace names checked at compile time. */
interface VoidNomadPolicy extends NomadPolicySpec {
  readonly namespaces?: readonly {
    readonly namespace: VoidNamespace | NamespaceGlob;
    readonly policy?: NamespacePolicy;
    readonly variables?: readonly VariablePathRule[];
  }[];
  readonly jobAcl?: { readonly namespace: VoidNamespace; readonly job: string };
}

const NOMAD_POLICIES = [
  {
    name: "anonymous",
    description: "View and Examine in a read-only context",
    namespaces: [{ namespace: "*", policy: "read" }],
    node: "read",
  },
  {
    name: "apps-admin",
    description: "Manage the general apps pool",
    namespaces: [{ namespace: "apps", policy: "write" }],
  },
  {
    name: "apps-restricted-admin",
    description: "Manage the restricted apps pool",
    namespaces: [{ namespace: "apps-restricted", policy: "write" }],
  },
  {
    name: "certs-admin",
    description: "Manage certificates in nomad variables",
    // Each certificate consumer of estate/tls.ts (a rule of test/rules checks that none is missing).
    namespaces: [
      { namespace: "mirror", variables: [{ path: "nomad/jobs/nginx", capabilities: ["read", "write"] }] },
      {
        namespace: "infrastructure",
        variables: [{ path: "nomad/jobs/nginx-control", capabilities: ["read", "write"] }],
      },
      {
        namespace: "apps-restricted",
        variables: [{ path: "nomad/jobs/maddy", capabilities: ["read", "write"] }],
      },
    ],
    jobAcl: { namespace: "infrastructure", job: "cert-renew" },
  },
  {
    name: "buildbot-worker-admin",
    description: "Manage buildbot worker secrets in nomad variables",
    namespaces: [
      { namespace: "build", variables: [{ path: "nomad/jobs/buildbot-worker", capabilities: ["read"] }] },
    ],
    jobAcl: { namespace: "build", job: "buildbot" },
  },
  {
    name: "buildsync-admin",
    description: "Manage buildsync secrets in nomad variables",
    namespaces: [
      { namespace: "build", variables: [{ path: "nomad/jobs/buildsync", capabilities: ["read"] }] },
    ],
    jobAcl: { namespace: "build", job: "build-rsyncd" },
  },
  {
    name: "buildsync-buildbot-admin",
    description: "Manage buildsync secrets in nomad variables for buildbot",
    namespaces: [
      { namespace: "build", variables: [{ path: "nomad/jobs/buildsync", capabilities: ["read"] }] },
    ],
    jobAcl: { namespace: "build", job: "buildbot-worker" },
  },
  {
    name: "popcorn-admin",
    description: "Manage popcorn keys in nomad variables",
    namespaces: [{ namespace: "apps", variables: [{ path: "nomad/jobs/popcorn", capabilities: ["read"] }] }],
    jobAcl: { namespace: "apps", job: "popcorn-report" },
  },
] as const satisfies readonly VoidNomadPolicy[];
export type VoidNomadPolicyName = (typeof NOMAD_POLICIES)[number]["name"];

const CONSUL_POLICIES: readonly ConsulAclPolicyProps[] = [
  {
    name: "void-node-exporter",
    description: "Policy for node_exporter",
    rules: { service: { "node-exporter": "write" } },
  },
];

/** The resinstack base modules, with what each creates that this root refers to by name. */
const RESINSTACK_MODULES = {
  consul_base: {
    source: "resinstack/base/consul",
    version: "0.3.0",
    inputs: { anonymous_node_read: true, anonymous_service_read: true },
    provides: {
      consul_acl_policy: [
        "resin-anonymous",
        "resin-consul-agent",
        "resin-nomad-server",
        "resin-nomad-client",
        "resin-vault-server",
      ],
      consul_acl_role: ["consul-agent", "nomad-server", "nomad-client", "vault-server", "root"],
    },
  },
  vault_base: {
    source: "resinstack/base/vault",
    version: "0.1.2",
    inputs: {},
    provides: {
      vault_mount: ["nomad", "consul"],
      vault_policy: ["resin-root", "resin-nomad-root", "resin-consul-root", "resin-nomad-server"],
    },
  },
  nomad_base: {
    source: "resinstack/base/nomad",
    version: "0.1.0",
    inputs: {},
    provides: { nomad_acl_policy: ["root", "read-only"] },
  },
} as const;
type ResinstackModule = keyof typeof RESINSTACK_MODULES;
type ModuleVaultPolicy = (typeof RESINSTACK_MODULES)["vault_base"]["provides"]["vault_policy"][number];

const VAULT_KV_MOUNT: VaultMountProps = {
  path: "secret",
  type: "kv",
  description: "KV Secrets Store",
};

/** Roles of the Nomad secrets engine that vault_base mounts at `nomad/`. */
const VAULT_NOMAD_ROLES = [
  { name: "apps-admin", policies: ["anonymous", "apps-admin"] },
  // Void's role named the nonexistent "restricted-apps-admin"; the policy is apps-restricted-admin.
  { name: "restricted-apps-admin", policies: ["anonymous", "apps-restricted-admin"] },
] as const satisfies readonly { name: string; policies: readonly VoidNomadPolicyName[] }[];
export type VoidNomadRole = (typeof VAULT_NOMAD_ROLES)[number]["name"];

/** A Vault policy in estate form: explicit path rules, or read access to one Nomad role's tokens. */
type VoidVaultPolicy =
  | { readonly name: string; readonly rules: readonly VaultPathRule[] }
  | { readonly name: string; readonly nomadCredentials: VoidNomadRole; readonly description: string };

const VAULT_POLICIES = [
  {
    name: "void-secrets-admin",
    rules: [
      {
        path: "secret/*",
        capabilities: ["create", "read", "update", "delete", "list"],
        description: "allow all on secrets",
      },
    ],
  },
  {
    name: "void-nomad-apps-admin",
    nomadCredentials: "apps-admin",
    description: "Allow obtaining apps-admin credentials",
  },
  {
    name: "void-nomad-restricted-apps-admin",
    nomadCredentials: "restricted-apps-admin",
    description: "Allow obtaining restricted-apps-admin credentials",
  },
] as const satisfies readonly VoidVaultPolicy[];
export type VoidVaultPolicyName = (typeof VAULT_POLICIES)[number]["name"];

/** NetAuth's LDAP front end, which runs next to each Vault server. */
const VAULT_LDAP: VaultLdapAuthProps = {
  path: "ldap",
  url: "ldap://localhost",
  userdn: "ou=entities,dc=netauth,dc=voidlinux,dc=org",
  userattr: "uid",
  discoverdn: false,
  groupdn: "ou=entities,dc=netauth,dc=voidlinux,dc=org",
  groupfilter: "(uid={{.Username}})",
  groupattr: "memberOf",
  tokenExplicitMaxTtl: 3600 * 12,
  // What Vault reports for a config written before the field existed (docs/adoption.md); the
  // provider's -1 would turn paged group searches off. Verify with `vault read auth/ldap/config`.
  maxPageSize: 2147483647,
};

/** NetAuth groups and the Vault policies their members log in with. */
const VAULT_LDAP_GROUPS = [
  { group: "dante", policies: ["resin-root", "resin-consul-root", "resin-nomad-root", "void-secrets-admin"] },
  { group: "nomad-apps-admin", policies: ["void-nomad-apps-admin"] },
] as const satisfies readonly {
  group: string;
  policies: readonly (VoidVaultPolicyName | ModuleVaultPolicy)[];
}[];

/** A Terraform registry module call, with what it creates that this root refers to by name. */
interface ModuleSpec {
  readonly source: string;
  readonly version: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Names of the objects the module creates, by Terraform resource type. */
  readonly provides: Readonly<Record<string, readonly string[]>>;
}

/** A Vault policy: explicit path rules, or read access to one Nomad role's tokens. */
type VaultPolicySpec =
  | { readonly name: string; readonly rules: readonly VaultPathRule[] }
  | { readonly name: string; readonly nomadCredentials: string; readonly description: string };

/** The HashiStack's ACLs and configuration, as the hashistack stack builds them. */
export interface HashistackEstate {
  readonly nomad: {
    readonly namespaces: readonly NomadNamespaceProps[];
    readonly scheduler: NomadSchedulerProps;
    readonly policies: readonly NomadPolicySpec[];
  };
  readonly consul: { readonly policies: readonly ConsulAclPolicyProps[] };
  /** Module calls by name (the name is also the module's address). */
  readonly modules: Readonly<Record<string, ModuleSpec>>;
  readonly vault: {
    readonly kvMount: VaultMountProps;
    /** Where a module mounts the Nomad secrets engine that the roles live in. */
    readonly nomadSecrets: { readonly module: string; readonly path: string };
    readonly nomadRoles: readonly { readonly name: string; readonly policies: readonly string[] }[];
    readonly policies: readonly VaultPolicySpec[];
    readonly ldap: VaultLdapAuthProps;
    /** Directory groups and the policies (of this root or of a module) their members log in with. */
    readonly ldapGroups: readonly { readonly group: string; readonly policies: readonly string[] }[];
  };
}

export const HASHISTACK: HashistackEstate = {
  nomad: { namespaces: NOMAD_NAMESPACES, scheduler: NOMAD_SCHEDULER, policies: NOMAD_POLICIES },
  consul: { policies: CONSUL_POLICIES },
  modules: RESINSTACK_MODULES,
  vault: {
    kvMount: VAULT_KV_MOUNT,
    nomadSecrets: { module: "vault_base" satisfies ResinstackModule, path: "nomad" },
    nomadRoles: VAULT_NOMAD_ROLES,
    policies: VAULT_POLICIES,
    ldap: VAULT_LDAP,
    ldapGroups: VAULT_LDAP_GROUPS,
  },
};
