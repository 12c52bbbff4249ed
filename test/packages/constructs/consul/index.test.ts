import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ConsulAclPolicy,
  ConsulAclRole,
  type ConsulPolicy,
  renderConsulRules,
} from "@void-linux/infra-constructs/consul";
import { errorOf, synthValidated } from "../../../support/hashi";
import { addressOf, resourcesOf } from "../../../support/synth";

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
    let policy: ConsulAclPolicy | undefined;
    const json = synthValidated((scope) => {
      policy = new ConsulAclPolicy(scope, "void-node-exporter", {
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
    assert.ok(policy);
    assert.equal(addressOf(policy.resource), "consul_acl_policy.policy_void-node-exporter");
  });

  it("rejects an empty policy and an unknown disposition", () => {
    assert.equal(
      errorOf(() => synthValidated((scope) => new ConsulAclPolicy(scope, "p", { name: "p", rules: {} }))),
      "stack/p: rules is empty (expected at least one rule)",
    );
    assert.equal(
      errorOf(() =>
        synthValidated(
          (scope) =>
            new ConsulAclPolicy(scope, "p", {
              name: "p",
              rules: { service: { web: "list" as ConsulPolicy } },
            }),
        ),
      ),
      'stack/p: rules.service["web"]: "list" is not a disposition (expected read, write, deny)',
    );
  });
});

describe("ConsulAclRole", () => {
  it("links policies by their Consul ID and service identities by name", () => {
    let role: ConsulAclRole | undefined;
    const json = synthValidated((scope) => {
      const agent = new ConsulAclPolicy(scope, "agent", {
        name: "agent",
        rules: { nodePrefix: { "": "write" } },
      });
      role = new ConsulAclRole(scope, "agents", {
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
    assert.equal(role && addressOf(role.resource), "consul_acl_role.role_agents");
  });

  it("takes its address from the role name, not the construct id", () => {
    const json = synthValidated((scope) => {
      new ConsulAclRole(scope, "some-id", { name: "web", serviceIdentities: [{ serviceName: "web" }] });
    });
    assert.deepEqual(Object.keys(resourcesOf(json, "consul_acl_role")), ["role_web"]);
  });

  it("rejects a policy listed twice", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        const agent = new ConsulAclPolicy(scope, "agent", { name: "agent", rules: { acl: "read" } });
        new ConsulAclRole(scope, "r", { name: "r", policies: [agent, agent] });
      }),
    );
    assert.equal(message, 'stack/r: policy "agent" is listed twice (expected each once)');
  });

  it("rejects a role that grants nothing", () => {
    assert.equal(
      errorOf(() => synthValidated((scope) => new ConsulAclRole(scope, "r", { name: "r" }))),
      "stack/r: role grants nothing (expected at least one policy or service identity)",
    );
  });
});
