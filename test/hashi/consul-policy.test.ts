import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ConsulAclPolicy,
  ConsulAclRole,
  type ConsulPolicy,
  renderConsulRules,
} from "../../constructs/consul";
import { resourcesOf } from "../support/synth";
import { errorOf, synthValidated } from "./support";

describe("renderConsulRules", () => {
  it("renders Consul's HCL rules: cluster-wide attributes, then named blocks in a fixed order", () => {
    const text = renderConsulRules({
      // Named rules given out of order: resources in documented order, names sorted.
      servicePrefix: { "": "read" },
      service: { vault: "write", "node-exporter": "write" },
      keyPrefix: { "vault/": "list" },
      nodePrefix: { "": "write" },
      operator: "read",
      acl: "write",
      mesh: "deny",
    });
    assert.equal(
      text,
      `acl      = "write"
operator = "read"
mesh     = "deny"

key_prefix "vault/" {
  policy = "list"
}

node_prefix "" {
  policy = "write"
}

service "node-exporter" {
  policy = "write"
}

service "vault" {
  policy = "write"
}

service_prefix "" {
  policy = "read"
}
`,
    );
  });
});

describe("ConsulAclPolicy", () => {
  it("synthesizes the rendered rules at an address derived from the name", () => {
    const json = synthValidated((scope) => {
      new ConsulAclPolicy(scope, {
        name: "void-node-exporter",
        description: "Policy for node_exporter",
        rules: { service: { "node-exporter": "write" } },
      });
    });
    assert.deepEqual(resourcesOf(json, "consul_acl_policy")["policy_void-node-exporter"], {
      name: "void-node-exporter",
      description: "Policy for node_exporter",
      rules: 'service "node-exporter" {\n  policy = "write"\n}\n',
    });
  });

  it("rejects an empty policy and an unknown disposition", () => {
    assert.equal(
      errorOf(() => synthValidated((scope) => new ConsulAclPolicy(scope, { name: "p", rules: {} }))),
      "stack/p: rules is empty (expected at least one rule)",
    );
    assert.equal(
      errorOf(() =>
        synthValidated(
          (scope) =>
            new ConsulAclPolicy(scope, { name: "p", rules: { service: { web: "list" as ConsulPolicy } } }),
        ),
      ),
      'stack/p: rules.service["web"]: "list" is not a disposition (expected read, write, deny)',
    );
  });
});

describe("ConsulAclRole", () => {
  it("links policies by their Consul ID and service identities by name", () => {
    const json = synthValidated((scope) => {
      const agent = new ConsulAclPolicy(scope, { name: "agent", rules: { nodePrefix: { "": "write" } } });
      new ConsulAclRole(scope, {
        name: "agents",
        policies: [agent],
        serviceIdentities: [{ serviceName: "web" }],
      });
    });
    assert.deepEqual(resourcesOf(json, "consul_acl_role").role_agents, {
      name: "agents",
      policies: ["${consul_acl_policy.policy_agent.id}"],
      service_identities: [{ service_name: "web" }],
    });
  });

  it("rejects a role that grants nothing", () => {
    assert.equal(
      errorOf(() => synthValidated((scope) => new ConsulAclRole(scope, { name: "r" }))),
      "stack/r: role grants nothing (expected at least one policy or service identity)",
    );
  });
});
