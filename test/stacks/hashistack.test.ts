import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { Testing } from "@void-linux/infra-constructs/cdktf";
import { readEstate } from "../../inputs/estate";
import { ESTATE_FILES } from "../../inputs/files";
import { formatDiagnostic } from "../../runtime/diagnostics";
import type { HashistackStack } from "../../stacks/hashistack";
import { ADOPTION_ESTATE } from "../support/app";
import { scratchProject } from "../support/project";
import { adoptionStacks } from "../support/stacks";
import { addressOf, parse, resourcesOf, type StackJson } from "../support/synth";

describe("hashistack stack from the adoption estate", () => {
  let stack: HashistackStack;
  let json: StackJson;
  before(() => {
    stack = adoptionStacks().hashistack;
    json = parse(Testing.synth(stack, true));
  });
  const count = (type: string) => Object.keys(resourcesOf(json, type)).length;

  it("has the estate's resource counts", () => {
    assert.deepEqual(
      {
        nomad_acl_policy: count("nomad_acl_policy"),
        nomad_namespace: count("nomad_namespace"),
        nomad_scheduler_config: count("nomad_scheduler_config"),
        consul_acl_policy: count("consul_acl_policy"),
        vault_policy: count("vault_policy"),
        vault_generic_endpoint: count("vault_generic_endpoint"),
        vault_mount: count("vault_mount"),
        vault_ldap_auth_backend: count("vault_ldap_auth_backend"),
        vault_ldap_auth_backend_group: count("vault_ldap_auth_backend_group"),
        vault_auth_backend: count("vault_auth_backend"),
        modules: Object.keys(json.module ?? {}).length,
      },
      {
        nomad_acl_policy: 8,
        nomad_namespace: 6,
        nomad_scheduler_config: 1,
        consul_acl_policy: 1,
        vault_policy: 3,
        vault_generic_endpoint: 2,
        vault_mount: 1,
        vault_ldap_auth_backend: 1,
        vault_ldap_auth_backend_group: 2,
        vault_auth_backend: 0,
        modules: 3,
      },
    );
  });

  it("calls the resinstack modules with the estate's sources, versions and inputs", () => {
    assert.deepEqual(json.module, {
      consul_base: {
        source: "resinstack/base/consul",
        version: "0.3.0",
        anonymous_node_read: true,
        anonymous_service_read: true,
      },
      vault_base: { source: "resinstack/base/vault", version: "0.1.2" },
      nomad_base: { source: "resinstack/base/nomad", version: "0.1.0" },
    });
  });

  it("fixes Void's role defect: restricted-apps-admin tokens carry apps-restricted-admin", () => {
    const roles = resourcesOf(json, "vault_generic_endpoint");
    assert.deepEqual(
      Object.values(roles).map((r) => [r.path, JSON.parse(r.data_json as string)]),
      [
        ["nomad/role/apps-admin", { policies: ["anonymous", "apps-admin"] }],
        ["nomad/role/restricted-apps-admin", { policies: ["anonymous", "apps-restricted-admin"] }],
      ],
    );
    const declared = new Set(Object.values(resourcesOf(json, "nomad_acl_policy")).map((p) => p.name));
    for (const role of Object.values(roles)) {
      for (const policy of JSON.parse(role.data_json as string).policies)
        assert.ok(declared.has(policy), policy);
    }
  });

  it("refuses Void's misspelt policy name in the estate's data, listing the real one", () => {
    const dir = scratchProject();
    const file = join(dir, ESTATE_FILES.vault);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("- apps-restricted-admin", "- restricted-apps-admin"),
    );
    const messages = readEstate(dir).problems.map(formatDiagnostic);
    assert.ok(
      messages.some((m) =>
        /^estate\/vault\.yaml:\d+:\d+: nomad_roles\[1\]\.policies\[1\]: unknown Nomad policy "restricted-apps-admin" \(expected one of: [^)]*\bapps-restricted-admin\b/.test(
          m,
        ),
      ),
      messages.join("\n"),
    );
  });

  it("orders the Nomad roles after vault_base, which mounts nomad/", () => {
    for (const role of Object.values(resourcesOf(json, "vault_generic_endpoint"))) {
      assert.deepEqual(role.depends_on, ["module.vault_base"]);
    }
  });

  it("lets one resource own the ldap auth path", () => {
    assert.equal(resourcesOf(json, "vault_ldap_auth_backend").ldap.path, "ldap");
    assert.equal(json.removed, undefined, "the bare stack forgets nothing itself");
  });

  it("pins the LDAP backend settings whose provider defaults changed, keeping Vault's page size", () => {
    const backend = resourcesOf(json, "vault_ldap_auth_backend").ldap;
    assert.equal(backend.deny_null_bind, true);
    assert.equal(backend.local, false);
    assert.equal(backend.max_page_size, ADOPTION_ESTATE.hashistack.vault.ldap.maxPageSize);
    assert.equal(backend.max_page_size, 2147483647);
  });

  it("maps the LDAP groups to policies with ordering edges", () => {
    assert.deepEqual(resourcesOf(json, "vault_ldap_auth_backend_group"), {
      ldap_group_dante: {
        backend: "${vault_ldap_auth_backend.ldap.path}",
        groupname: "dante",
        policies: [
          "resin-root",
          "resin-consul-root",
          "resin-nomad-root",
          "${vault_policy.policy_void-secrets-admin.name}",
        ],
        depends_on: ["module.vault_base"],
      },
      "ldap_group_nomad-apps-admin": {
        backend: "${vault_ldap_auth_backend.ldap.path}",
        groupname: "nomad-apps-admin",
        policies: ["${vault_policy.policy_void-nomad-apps-admin.name}"],
      },
    });
  });

  it("renders certs-admin for the certificate consumers, attached to cert-renew", () => {
    assert.deepEqual(resourcesOf(json, "nomad_acl_policy")["policy_certs-admin"], {
      name: "certs-admin",
      description: "Manage certificates in nomad variables",
      job_acl: { namespace: "infrastructure", job_id: "cert-renew" },
      rules_hcl: `namespace "mirror" {
  variables {
    path "nomad/jobs/nginx" {
      capabilities = ["write", "read"]
    }
  }
}

namespace "infrastructure" {
  variables {
    path "nomad/jobs/nginx-control" {
      capabilities = ["write", "read"]
    }
  }
}

namespace "apps-restricted" {
  variables {
    path "nomad/jobs/maddy" {
      capabilities = ["write", "read"]
    }
  }
}
`,
    });
  });

  it("grants read on the role's credentials path in the Vault policies", () => {
    assert.equal(
      resourcesOf(json, "vault_policy")["policy_void-nomad-restricted-apps-admin"].policy,
      `# Allow obtaining restricted-apps-admin credentials
path "nomad/creds/restricted-apps-admin" {
  capabilities = ["read"]
}
`,
    );
  });

  it("emits no moved or removed blocks itself: adopting Void's state is migration/'s job", () => {
    assert.equal(json.moved, undefined);
    assert.equal(json.removed, undefined);
  });

  it("exposes its resources as handles, by name", () => {
    const addresses = (type: string) =>
      Object.keys(resourcesOf(json, type))
        .map((id) => `${type}.${id}`)
        .sort();
    const of = <T>(items: ReadonlyMap<string, T>, resource: (item: T) => Parameters<typeof addressOf>[0]) =>
      [...items.values()].map((item) => addressOf(resource(item))).sort();

    assert.deepEqual([...stack.namespaces.keys()].sort(), [
      "apps",
      "apps-restricted",
      "build",
      "infrastructure",
      "mirror",
      "monitoring",
    ]);
    assert.deepEqual(
      of(stack.namespaces, (n) => n.resource),
      addresses("nomad_namespace"),
    );
    assert.deepEqual(
      of(stack.nomadPolicies, (p) => p.resource),
      addresses("nomad_acl_policy"),
    );
    assert.equal(
      addressOf(stack.nomadPolicies.get("certs-admin")?.resource ?? assert.fail("certs-admin")),
      "nomad_acl_policy.policy_certs-admin",
    );
    assert.deepEqual(
      of(stack.consulPolicies, (p) => p.resource),
      addresses("consul_acl_policy"),
    );
    assert.deepEqual([...stack.consulPolicies.keys()], ["void-node-exporter"]);
    assert.equal(addressOf(stack.kvMount.resource), "vault_mount.mount_secret");
    assert.deepEqual(addresses("vault_mount"), ["vault_mount.mount_secret"]);
    assert.deepEqual([...stack.nomadRoles.keys()].sort(), ["apps-admin", "restricted-apps-admin"]);
    assert.deepEqual(
      of(stack.nomadRoles, (r) => r.resource),
      addresses("vault_generic_endpoint"),
    );
    assert.deepEqual(
      of(stack.vaultPolicies, (p) => p.resource),
      addresses("vault_policy"),
    );
    assert.equal(addressOf(stack.ldap.backend), "vault_ldap_auth_backend.ldap");
    assert.deepEqual([...stack.ldap.groups.keys()].sort(), ["dante", "nomad-apps-admin"]);
    assert.deepEqual(
      of(stack.ldap.groups, (g) => g),
      addresses("vault_ldap_auth_backend_group"),
    );
  });

  it("pins providers, takes credentials from the environment and uses Void's state key", () => {
    assert.deepEqual(json.terraform?.required_providers, {
      consul: { source: "hashicorp/consul", version: "2.10.1" },
      nomad: { source: "hashicorp/nomad", version: "2.5.2" },
      vault: { source: "hashicorp/vault", version: "5.6.0" },
    });
    assert.deepEqual(json.provider, { consul: [{}], nomad: [{}], vault: [{}] });
    assert.equal(
      (json.terraform as { backend: { http: { address: string } } }).backend.http.address,
      "https://terrastate.s.voidlinux.org/state/prod/hashistack",
    );
  });
});
