import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Construct } from "@void-linux/infra-constructs/cdktf";
import { NomadAclPolicy } from "@void-linux/infra-constructs/nomad";
import { RegistryModule } from "@void-linux/infra-constructs/terraform";
import {
  renderVaultPolicy,
  type VaultCapability,
  VaultLdapAuth,
  VaultMount,
  VaultNomadRole,
  VaultPolicy,
} from "@void-linux/infra-constructs/vault";
import { errorOf, synthValidated } from "../../../support/hashi";
import { addressOf, resourcesOf } from "../../../support/synth";

const LDAP = {
  url: "ldap://localhost",
  userdn: "ou=entities,dc=example,dc=org",
  userattr: "uid",
  groupdn: "ou=entities,dc=example,dc=org",
  groupfilter: "(uid={{.Username}})",
  groupattr: "memberOf",
};

describe("renderVaultPolicy", () => {
  it("renders Vault's HCL policy syntax with comments and parameter constraints", () => {
    const text = renderVaultPolicy([
      {
        path: "secret/*",
        capabilities: ["list", "create", "read", "update", "delete", "read"],
        description: "allow all on secrets",
      },
      {
        path: "sys/mounts/+",
        capabilities: ["update", "patch", "sudo"],
        allowedParameters: { type: ["kv", "nomad"], description: [] },
        deniedParameters: { local: [] },
        requiredParameters: ["type"],
        minWrappingTtl: "1s",
        maxWrappingTtl: "90s",
      },
      { path: "sys/raw/*", capabilities: ["deny"] },
    ]);
    assert.equal(
      text,
      `# allow all on secrets
path "secret/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}

path "sys/mounts/+" {
  capabilities        = ["update", "patch", "sudo"]
  allowed_parameters  = {
    "description" = []
    "type"        = ["kv", "nomad"]
  }
  denied_parameters   = {
    "local" = []
  }
  required_parameters = ["type"]
  min_wrapping_ttl    = "1s"
  max_wrapping_ttl    = "90s"
}

path "sys/raw/*" {
  capabilities = ["deny"]
}
`,
    );
  });
});

describe("VaultPolicy", () => {
  it("synthesizes the rendered document", () => {
    let policy: VaultPolicy | undefined;
    const json = synthValidated((scope) => {
      policy = new VaultPolicy(scope, "reader", {
        name: "reader",
        rules: [{ path: "secret/*", capabilities: ["read"] }],
      });
    });
    assert.deepEqual(resourcesOf(json, "vault_policy").policy_reader, {
      name: "reader",
      policy: 'path "secret/*" {\n  capabilities = ["read"]\n}\n',
    });
    assert.equal(policy && addressOf(policy.resource), "vault_policy.policy_reader");
  });

  it("rejects unknown capabilities, repeated paths, deny mixed with grants and built-in names", () => {
    const build = (rules: { path: string; capabilities: VaultCapability[] }[], name = "p") =>
      errorOf(() => synthValidated((scope) => new VaultPolicy(scope, name, { name, rules })));
    assert.match(
      build([{ path: "a", capabilities: ["write" as VaultCapability] }]),
      /^stack\/p: path "a": capability "write" is unknown \(expected one of create, read, update, patch, delete, list, sudo, deny\)$/,
    );
    assert.equal(
      build([
        { path: "a", capabilities: ["read"] },
        { path: "a", capabilities: ["list"] },
      ]),
      'stack/p: path "a": appears twice (expected one rule per path)',
    );
    assert.equal(
      build([{ path: "a", capabilities: ["deny", "read"] }]),
      'stack/p: path "a": "deny" overrides every other capability (expected it alone)',
    );
    assert.equal(build([], "p"), "stack/p: rules is empty (expected at least one path rule)");
    assert.equal(
      build([{ path: "a", capabilities: ["read"] }], "root"),
      'stack/root: "root" is a built-in Vault policy',
    );
  });
});

describe("VaultNomadRole", () => {
  it("names declared Nomad policies and depends on the module that mounts the engine", () => {
    const json = synthValidated((scope) => {
      const vaultBase = new RegistryModule(scope, "vault_base", {
        source: "resinstack/base/vault",
        version: "0.1.2",
        provides: { vault_mount: ["nomad"] },
      });
      const nomad = new Construct(scope, "nomad");
      const anonymous = new NomadAclPolicy(nomad, "anonymous", { name: "anonymous", node: "read" });
      const admin = new NomadAclPolicy(nomad, "apps-admin", {
        name: "apps-admin",
        namespaces: [{ namespace: "*", policy: "write" }],
      });
      const role = new VaultNomadRole(new Construct(scope, "vault"), "apps-admin", {
        mount: VaultMount.fromModule(vaultBase, "nomad/"),
        name: "apps-admin",
        policies: [anonymous, admin],
      });
      assert.equal(role.credentialsPath, "nomad/creds/apps-admin");
      assert.equal(addressOf(role.resource), "vault_generic_endpoint.nomad_role_apps-admin");
      assert.equal(addressOf(admin.resource), "nomad_acl_policy.policy_apps-admin");
    });
    assert.deepEqual(resourcesOf(json, "vault_generic_endpoint")["nomad_role_apps-admin"], {
      path: "nomad/role/apps-admin",
      data_json: '{"policies":["anonymous","apps-admin"]}',
      ignore_absent_fields: true,
      depends_on: ["module.vault_base"],
    });
  });

  it("depends on a mount declared in the same stack", () => {
    let mount: VaultMount | undefined;
    const json = synthValidated((scope) => {
      mount = new VaultMount(scope, "nomad", { path: "nomad", type: "nomad" });
      new VaultNomadRole(scope, "ops", { mount, name: "ops", type: "management" });
    });
    assert.equal(mount && addressOf(mount.resource), "vault_mount.mount_nomad");
    assert.deepEqual(resourcesOf(json, "vault_generic_endpoint").nomad_role_ops, {
      path: "nomad/role/ops",
      data_json: '{"type":"management"}',
      ignore_absent_fields: true,
      depends_on: ["vault_mount.mount_nomad"],
    });
  });

  it("rejects Void's defect: a role naming the nonexistent policy restricted-apps-admin", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        const mount = new VaultMount(scope, "nomad", { path: "nomad", type: "nomad" });
        new NomadAclPolicy(scope, "anonymous", { name: "anonymous", node: "read" });
        new NomadAclPolicy(scope, "apps-restricted-admin", {
          name: "apps-restricted-admin",
          namespaces: [{ namespace: "*", policy: "write" }],
        });
        new VaultNomadRole(scope, "restricted-apps-admin", {
          mount,
          name: "restricted-apps-admin",
          policies: [NomadAclPolicy.fromName("anonymous"), NomadAclPolicy.fromName("restricted-apps-admin")],
        });
      }),
    );
    assert.match(
      message,
      /\[stack\/restricted-apps-admin\] policies: nomad_acl_policy "restricted-apps-admin" is not declared in this app \(did you mean "apps-restricted-admin"\?\) \(expected one of: "anonymous", "apps-restricted-admin"\)/,
    );
  });

  it("rejects a mount the app does not declare", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        new VaultNomadRole(scope, "ops", {
          mount: VaultMount.fromPath("nomad"),
          name: "ops",
          type: "management",
        });
      }),
    );
    assert.match(
      message,
      /\[stack\/ops\] mount: vault_mount "nomad" is not declared in this app \(expected one of: none\)/,
    );
  });

  it("rejects a module reference the module does not provide", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        const vaultBase = new RegistryModule(scope, "vault_base", {
          source: "resinstack/base/vault",
          version: "0.1.2",
          provides: { vault_mount: ["nomad", "consul"] },
        });
        VaultMount.fromModule(vaultBase, "nomadd");
      }),
    );
    assert.equal(
      message,
      'stack/vault_base: module does not provide vault_mount "nomadd" (its provides lists: "nomad", "consul")',
    );
  });

  it("rejects client roles without policies and management roles with them", () => {
    assert.equal(
      errorOf(() =>
        synthValidated(
          (scope) => new VaultNomadRole(scope, "r", { mount: VaultMount.fromPath("nomad"), name: "r" }),
        ),
      ),
      "stack/r: client role has no policies (expected at least one Nomad policy, or type management)",
    );
    assert.equal(
      errorOf(() =>
        synthValidated(
          (scope) =>
            new VaultNomadRole(scope, "r", {
              mount: VaultMount.fromPath("nomad"),
              name: "r",
              type: "management",
              policies: [NomadAclPolicy.fromName("x")],
            }),
        ),
      ),
      "stack/r: management role takes no policies (it bypasses ACLs)",
    );
  });
});

describe("VaultLdapAuth", () => {
  it("owns the auth path with one backend and maps groups to policies with ordering edges", () => {
    let ldap: VaultLdapAuth | undefined;
    const json = synthValidated((scope) => {
      const vaultBase = new RegistryModule(scope, "vault_base", {
        source: "resinstack/base/vault",
        version: "0.1.2",
        provides: { vault_policy: ["resin-root"] },
      });
      const secrets = new VaultPolicy(scope, "secrets", {
        name: "secrets",
        rules: [{ path: "secret/*", capabilities: ["read"] }],
      });
      ldap = new VaultLdapAuth(scope, "ldap", { ...LDAP, tokenExplicitMaxTtl: 43200 }).mapGroup("admins", [
        VaultPolicy.fromModule(vaultBase, "resin-root"),
        secrets,
      ]);
    });
    assert.deepEqual(Object.keys(resourcesOf(json, "vault_auth_backend")), []);
    assert.deepEqual(resourcesOf(json, "vault_ldap_auth_backend").ldap, {
      path: "ldap",
      url: "ldap://localhost",
      userdn: "ou=entities,dc=example,dc=org",
      userattr: "uid",
      discoverdn: false,
      groupdn: "ou=entities,dc=example,dc=org",
      groupfilter: "(uid={{.Username}})",
      groupattr: "memberOf",
      token_explicit_max_ttl: 43200,
      deny_null_bind: true,
      local: false,
      max_page_size: -1,
    });
    assert.deepEqual(resourcesOf(json, "vault_ldap_auth_backend_group").ldap_group_admins, {
      backend: "${vault_ldap_auth_backend.ldap.path}",
      groupname: "admins",
      policies: ["resin-root", "${vault_policy.policy_secrets.name}"],
      depends_on: ["module.vault_base"],
    });
    assert.ok(ldap);
    assert.equal(addressOf(ldap.backend), "vault_ldap_auth_backend.ldap");
    assert.deepEqual([...ldap.groups.keys()], ["admins"]);
    const admins = ldap.groups.get("admins");
    assert.equal(admins && addressOf(admins), "vault_ldap_auth_backend_group.ldap_group_admins");
  });

  it("writes the given max_page_size, and always deny_null_bind and local", () => {
    const json = synthValidated((scope) => new VaultLdapAuth(scope, "ldap", { ...LDAP, maxPageSize: 500 }));
    const backend = resourcesOf(json, "vault_ldap_auth_backend").ldap;
    assert.equal(backend.max_page_size, 500);
    assert.equal(backend.deny_null_bind, true);
    assert.equal(backend.local, false);
    assert.deepEqual(Object.keys(resourcesOf(json, "vault_ldap_auth_backend_group")), []);
  });

  it("rejects a group policy the app does not declare", () => {
    const message = errorOf(() =>
      synthValidated((scope) => {
        new VaultPolicy(scope, "void-secrets-admin", {
          name: "void-secrets-admin",
          rules: [{ path: "secret/*", capabilities: ["read"] }],
        });
        new VaultLdapAuth(scope, "ldap", LDAP).mapGroup("dante", [VaultPolicy.fromName("void-secret-admin")]);
      }),
    );
    assert.match(
      message,
      /\[stack\/ldap\/group-dante\] policies: vault_policy "void-secret-admin" is not declared in this app \(did you mean "void-secrets-admin"\?\)/,
    );
  });

  it("rejects mapping a group twice and a non-LDAP URL", () => {
    assert.equal(
      errorOf(() =>
        synthValidated((scope) => {
          const p = new VaultPolicy(scope, "p", {
            name: "p",
            rules: [{ path: "a", capabilities: ["read"] }],
          });
          new VaultLdapAuth(scope, "ldap", LDAP).mapGroup("g", [p]).mapGroup("g", [p]);
        }),
      ),
      'stack/ldap: group "g": is mapped twice (expected one mapping per group)',
    );
    assert.equal(
      errorOf(() =>
        synthValidated((scope) => new VaultLdapAuth(scope, "ldap", { ...LDAP, url: "http://x" })),
      ),
      'stack/ldap: url "http://x" is not an LDAP URL (expected ldap://host or ldaps://host)',
    );
  });
});

describe("VaultMount", () => {
  it("normalizes the path and refuses reserved ones", () => {
    let mount: VaultMount | undefined;
    const json = synthValidated((scope) => {
      mount = new VaultMount(scope, "secret", { path: "secret/", type: "kv", options: { version: "2" } });
    });
    assert.equal(mount?.mountPath, "secret");
    assert.equal(mount && addressOf(mount.resource), "vault_mount.mount_secret");
    assert.deepEqual(resourcesOf(json, "vault_mount").mount_secret, {
      path: "secret",
      type: "kv",
      options: { version: "2" },
    });
    assert.equal(
      errorOf(() => synthValidated((scope) => new VaultMount(scope, "sys", { path: "sys", type: "kv" }))),
      'stack/sys: mount path "sys" is reserved by Vault',
    );
  });
});
