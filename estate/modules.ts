/**
 * The Terraform registry modules the hashistack stack calls: pinned versions of code written
 * elsewhere, so changing them changes code (planned after merge). Each lists what it creates that
 * the estate's data refers to by name: a role or LDAP group may grant a module's policies.
 */

/** A Terraform registry module call, with what it creates that this root refers to by name. */
export interface ModuleSpec {
  readonly source: string;
  readonly version: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Names of the objects the module creates, by Terraform resource type. */
  readonly provides: Readonly<Record<string, readonly string[]>>;
}

/** The resinstack base modules, by call name (the name is also the module's address). */
export const MODULES: Readonly<Record<string, ModuleSpec>> = {
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
};
