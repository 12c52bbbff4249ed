import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type NamespaceCapability,
  NomadAclPolicy,
  NomadAclRole,
  NomadNamespace,
  type NomadNamespaceRule,
  NomadScheduler,
  NomadVariable,
  renderNomadPolicy,
} from "@void-linux/infra-constructs/nomad";
import { errorOf, synthValidated } from "../../../support/hashi";
import { addressOf, resourcesOf } from "../../../support/synth";

describe("renderNomadPolicy", () => {
  it("renders every rule kind in Nomad's HCL policy syntax", () => {
    const text = renderNomadPolicy({
      namespaces: [
        {
          label: "apps",
          policy: "read",
          // Given out of order and twice: rendered once each, in the documented order.
          capabilities: ["scale-job", "submit-job", "read-logs", "submit-job"],
          variables: [{ path: "nomad/jobs/web/*", capabilities: ["read", "list", "write"] }],
        },
        { label: "*", policy: "deny" },
      ],
      hostVolumes: [{ label: "certs-*", policy: "read", capabilities: ["mount-readonly"] }],
      node: "read",
      agent: "write",
      operator: "read",
      quota: "deny",
      plugin: "list",
    });
    assert.equal(
      text,
      `namespace "apps" {
  policy       = "read"
  capabilities = ["submit-job", "read-logs", "scale-job"]

  variables {
    path "nomad/jobs/web/*" {
      capabilities = ["write", "read", "list"]
    }
  }
}

namespace "*" {
  policy = "deny"
}

host_volume "certs-*" {
  policy       = "read"
  capabilities = ["mount-readonly"]
}

node {
  policy = "read"
}

agent {
  policy = "write"
}

operator {
  policy = "read"
}

quota {
  policy = "deny"
}

plugin {
  policy = "list"
}
`,
    );
  });
});

describe("NomadAclPolicy", () => {
  it("synthesizes name, description, rules and job_acl at an address derived from the name", () => {
    let namespace: NomadNamespace | undefined;
    let policy: NomadAclPolicy | undefined;
    const json = synthValidated((scope) => {
      const mirror = new NomadNamespace(scope, "mirror", { name: "mirror", description: "Mirrors" });
      namespace = mirror;
      policy = new NomadAclPolicy(scope, "certs-admin", {
        name: "certs-admin",
        description: "Certificates",
        namespaces: [
          { namespace: mirror, variables: [{ path: "nomad/jobs/nginx", capabilities: ["read", "write"] }] },
        ],
        jobAcl: { namespace: mirror, job: "cert-renew" },
      });
    });
    assert.deepEqual(resourcesOf(json, "nomad_acl_policy")["policy_certs-admin"], {
      name: "certs-admin",
      description: "Certificates",
      rules_hcl: `namespace "mirror" {
  variables {
    path "nomad/jobs/nginx" {
      capabilities = ["write", "read"]
    }
  }
}
`,
      job_acl: { namespace: "mirror", job_id: "cert-renew" },
    });
    assert.deepEqual(resourcesOf(json, "nomad_namespace").namespace_mirror, {
      name: "mirror",
      description: "Mirrors",
    });
    assert.equal(policy && addressOf(policy.resource), "nomad_acl_policy.policy_certs-admin");
    assert.equal(namespace && addressOf(namespace.resource), "nomad_namespace.namespace_mirror");
  });

  it("takes its address from the policy name, not the construct id", () => {
    const json = synthValidated((scope) => {
      new NomadNamespace(scope, "ns", { name: "apps" });
      new NomadAclPolicy(scope, "some-id", { name: "reader", node: "read" });
    });
    assert.deepEqual(Object.keys(resourcesOf(json, "nomad_acl_policy")), ["policy_reader"]);
    assert.deepEqual(Object.keys(resourcesOf(json, "nomad_namespace")), ["namespace_apps"]);
  });

  it("accepts rules added later with addNamespaceRule", () => {
    const json = synthValidated((scope) => {
      new NomadAclPolicy(scope, "late", { name: "late" }).addNamespaceRule({
        namespace: "*",
        policy: "read",
      });
    });
    assert.equal(
      resourcesOf(json, "nomad_acl_policy").policy_late.rules_hcl,
      'namespace "*" {\n  policy = "read"\n}\n',
    );
  });

  it("rejects a job_acl namespace the app does not declare, suggesting the closest", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        new NomadNamespace(scope, "infrastructure", { name: "infrastructure" });
        new NomadAclPolicy(scope, "certs-admin", {
          name: "certs-admin",
          node: "read",
          jobAcl: { namespace: NomadNamespace.fromName("infrastructur"), job: "cert-renew" },
        });
      }),
    );
    assert.match(
      message,
      /\[stack\/certs-admin\] job_acl\.namespace: nomad_namespace "infrastructur" is not declared in this app \(did you mean "infrastructure"\?\) \(expected one of: "infrastructure"\)/,
    );
  });

  it("allows job_acl in the built-in default namespace", () => {
    const json = synthValidated((scope) => {
      new NomadAclPolicy(scope, "p", {
        name: "p",
        node: "read",
        jobAcl: { namespace: NomadNamespace.DEFAULT, job: "j" },
      });
    });
    assert.deepEqual(resourcesOf(json, "nomad_acl_policy").policy_p.job_acl, {
      namespace: "default",
      job_id: "j",
    });
  });

  it("makes unknown capabilities and bare namespace names compile errors", () => {
    const rule: NomadNamespaceRule = {
      // @ts-expect-error a plain string must be a namespace object or a glob
      namespace: "aps",
      // @ts-expect-error not one of Nomad's documented capabilities
      capabilities: ["submit-jobs"],
    };
    assert.equal(rule.namespace, "aps");
  });

  it("rejects a capability outside Nomad's documented set", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        new NomadAclPolicy(scope, "p", {
          name: "p",
          namespaces: [{ namespace: "*", capabilities: ["submit-jobs" as NamespaceCapability] }],
        });
      }),
    );
    assert.match(
      message,
      /^stack\/p: namespace "\*": capability "submit-jobs" is unknown \(expected one of deny, list-jobs,/,
    );
  });

  it("rejects two rules for one namespace", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        new NomadAclPolicy(scope, "p", {
          name: "p",
          namespaces: [
            { namespace: "*", policy: "read" },
            { namespace: "*", policy: "write" },
          ],
        });
      }),
    );
    assert.equal(message, 'stack/p: namespace "*": has two rules (expected one per namespace)');
  });

  it("rejects a namespace rule that grants nothing", () => {
    const message = errorOf(() =>
      synthValidated(
        (scope) => new NomadAclPolicy(scope, "p", { name: "p", namespaces: [{ namespace: "*" }] }),
      ),
    );
    assert.equal(
      message,
      'stack/p: namespace "*": grants nothing (expected policy, capabilities or variables)',
    );
  });

  it("rejects a variables path without capabilities and a repeated path", () => {
    const empty = errorOf(() =>
      synthValidated(
        (scope) =>
          new NomadAclPolicy(scope, "p", {
            name: "p",
            namespaces: [{ namespace: "*", variables: [{ path: "a", capabilities: [] }] }],
          }),
      ),
    );
    assert.equal(empty, 'stack/p: namespace "*": variables path "a" has no capabilities');
    const twice = errorOf(() =>
      synthValidated(
        (scope) =>
          new NomadAclPolicy(scope, "p", {
            name: "p",
            namespaces: [
              {
                namespace: "*",
                variables: [
                  { path: "a", capabilities: ["read"] },
                  { path: "a", capabilities: ["write"] },
                ],
              },
            ],
          }),
      ),
    );
    assert.equal(twice, 'stack/p: namespace "*": variables path "a" appears twice');
  });

  it("rejects a policy without rules at synth", () => {
    const message = errorOf(() =>
      synthValidated((scope) => new NomadAclPolicy(scope, "empty", { name: "empty" })),
    );
    assert.match(
      message,
      /\[stack\/empty\] policy has no rules \(expected at least one namespace, scope or host volume rule\)/,
    );
  });

  it("rejects an invalid name and a job_acl task without group", () => {
    assert.equal(
      errorOf(() =>
        synthValidated((scope) => new NomadAclPolicy(scope, "bad name", { name: "bad name", node: "read" })),
      ),
      'stack/bad name: policy name "bad name" is invalid (expected 1-128 letters, digits or "-")',
    );
    assert.equal(
      errorOf(() =>
        synthValidated(
          (scope) =>
            new NomadAclPolicy(scope, "p", {
              name: "p",
              node: "read",
              jobAcl: { namespace: NomadNamespace.DEFAULT, job: "j", task: "t" },
            }),
        ),
      ),
      "stack/p: job_acl: task needs group to be set",
    );
  });
});

describe("NomadNamespace", () => {
  it("refuses to declare the built-in default namespace", () => {
    assert.equal(
      errorOf(() => synthValidated((scope) => new NomadNamespace(scope, "default", { name: "default" }))),
      'stack/default: "default" is built in; use NomadNamespace.DEFAULT instead of declaring it',
    );
  });
});

describe("NomadVariable", () => {
  it("stores items at its path in a declared namespace", () => {
    let variable: NomadVariable | undefined;
    const json = synthValidated((scope) => {
      const apps = new NomadNamespace(scope, "apps", { name: "apps" });
      variable = new NomadVariable(scope, "popcorn", {
        namespace: apps,
        path: "nomad/jobs/popcorn",
        items: { key: "${var.x}" },
      });
    });
    assert.deepEqual(resourcesOf(json, "nomad_variable").variable_apps_nomad_jobs_popcorn, {
      namespace: "apps",
      path: "nomad/jobs/popcorn",
      items: { key: "${var.x}" },
    });
    assert.equal(variable && addressOf(variable.resource), "nomad_variable.variable_apps_nomad_jobs_popcorn");
  });

  it("rejects a namespace the app does not declare", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        new NomadNamespace(scope, "mirror", { name: "mirror" });
        new NomadVariable(scope, "v", {
          namespace: NomadNamespace.fromName("mirorr"),
          path: "nomad/jobs/nginx",
          items: { a: "b" },
        });
      }),
    );
    assert.match(
      message,
      /\[stack\/v\] namespace: nomad_namespace "mirorr" is not declared in this app \(did you mean "mirror"\?\)/,
    );
  });

  it("rejects paths Nomad refuses", () => {
    const build = (path: string) =>
      errorOf(() =>
        synthValidated(
          (scope) =>
            new NomadVariable(scope, "v", { namespace: NomadNamespace.DEFAULT, path, items: { a: "b" } }),
        ),
      );
    assert.equal(
      build("nomad/other"),
      'stack/v: path "nomad/other" is under the reserved prefix nomad/ (expected nomad/jobs or nomad/jobs/<job>[/...])',
    );
    assert.equal(
      build("a b"),
      'stack/v: path "a b" is invalid (expected 1-128 of letters, digits, "-", "_", "~", "/")',
    );
    assert.equal(
      build("a//b"),
      'stack/v: path "a//b" has an empty segment (expected no leading, trailing or doubled "/")',
    );
  });

  it("rejects two resources whose names sanitize to one address", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        new NomadVariable(scope, "one", {
          namespace: NomadNamespace.DEFAULT,
          path: "a~b",
          items: { a: "b" },
        });
        new NomadVariable(scope, "two", {
          namespace: NomadNamespace.DEFAULT,
          path: "a_b",
          items: { a: "b" },
        });
      }),
    );
    assert.match(
      message,
      /^stack\/two: Terraform address nomad_variable\.variable_default_a_b would be held by both stack\/one\/resource and stack\/two\/resource /,
    );
  });
});

describe("NomadScheduler", () => {
  it("writes every preemption flag, enabling only the listed schedulers", () => {
    let scheduler: NomadScheduler | undefined;
    const json = synthValidated((scope) => {
      scheduler = new NomadScheduler(scope, "s", { memoryOversubscription: true, preemption: ["sysbatch"] });
    });
    assert.equal(scheduler && addressOf(scheduler.resource), "nomad_scheduler_config.config");
    assert.deepEqual(resourcesOf(json, "nomad_scheduler_config").config, {
      scheduler_algorithm: "binpack",
      memory_oversubscription_enabled: true,
      preemption_config: {
        system_scheduler_enabled: false,
        batch_scheduler_enabled: false,
        service_scheduler_enabled: false,
        sysbatch_scheduler_enabled: true,
      },
    });
  });
});

describe("NomadAclRole", () => {
  it("links declared policies by name", () => {
    let role: NomadAclRole | undefined;
    const json = synthValidated((scope) => {
      const reader = new NomadAclPolicy(scope, "reader", { name: "reader", node: "read" });
      role = new NomadAclRole(scope, "ops", { name: "ops", policies: [reader] });
    });
    assert.deepEqual(resourcesOf(json, "nomad_acl_role").role_ops, {
      name: "ops",
      policy: [{ name: "reader" }],
    });
    assert.equal(role && addressOf(role.resource), "nomad_acl_role.role_ops");
  });

  it("rejects a policy the app does not declare", () => {
    const message = errorOf(() =>
      synthValidated(
        (scope) =>
          new NomadAclRole(scope, "ops", { name: "ops", policies: [NomadAclPolicy.fromName("ghost")] }),
      ),
    );
    assert.match(
      message,
      /\[stack\/ops\] policies: nomad_acl_policy "ghost" is not declared in this app \(expected one of: none\)/,
    );
  });
});
