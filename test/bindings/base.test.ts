import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Certificate } from "../../bindings/acme/certificate";
import { AcmeProvider, LETS_ENCRYPT_PRODUCTION } from "../../bindings/acme/provider";
import { Registration } from "../../bindings/acme/registration";
import { AclPolicy as ConsulAclPolicy } from "../../bindings/consul/acl-policy";
import { ConsulProvider } from "../../bindings/consul/provider";
import { AclPolicy as NomadAclPolicy } from "../../bindings/nomad/acl-policy";
import { AclRole as NomadAclRole } from "../../bindings/nomad/acl-role";
import { Namespace } from "../../bindings/nomad/namespace";
import { NomadProvider } from "../../bindings/nomad/provider";
import { Variable } from "../../bindings/nomad/variable";
import { parse, resourcesOf, synthScope } from "../support/synth";

describe("provider bindings", () => {
  it("pin exact provider versions in required_providers and carry no credentials", () => {
    const json = parse(
      synthScope((scope) => {
        new NomadProvider(scope, "nomad", { address: "https://nomad.example.org", region: "global" });
        new ConsulProvider(scope, "consul", { address: "consul.example.org:8500", scheme: "https" });
        new AcmeProvider(scope, "acme", { serverUrl: LETS_ENCRYPT_PRODUCTION });
      }),
    );
    assert.deepEqual(json.terraform?.required_providers, {
      nomad: { source: "hashicorp/nomad", version: "2.5.2" },
      consul: { source: "hashicorp/consul", version: "2.10.1" },
      acme: { source: "vancluever/acme", version: "2.41.0" },
    });
    assert.deepEqual(json.provider, {
      nomad: [{ address: "https://nomad.example.org", region: "global" }],
      consul: [{ address: "consul.example.org:8500", scheme: "https" }],
      acme: [{ server_url: "https://acme-v02.api.letsencrypt.org/directory" }],
    });
  });
});

describe("resource bindings", () => {
  it("map camelCase config to the providers' snake_case schema", () => {
    const json = synthScope((scope) => {
      new NomadAclPolicy(scope, "p", {
        name: "p",
        rulesHcl: "node {}",
        jobAcl: { namespace: "ns", jobId: "j", group: "g", task: "t" },
      });
      new Namespace(scope, "n", {
        name: "n",
        capabilities: { enabledTaskDrivers: ["docker"] },
        nodePoolConfig: { default: "pool", allowed: ["pool-*"] },
      });
      new NomadAclRole(scope, "r", { name: "r", policies: ["a", "b"] });
      new Variable(scope, "v", { path: "x", namespace: "n", items: { k: "${var.v}" } });
      new ConsulAclPolicy(scope, "c", { name: "c", rules: 'acl = "read"', datacenters: ["void"] });
      const registration = new Registration(scope, "reg", {
        accountKeyPem: "${var.key}",
        emailAddress: "a@example.org",
      });
      new Certificate(scope, "cert", {
        accountKeyPem: registration.accountKeyPem,
        commonName: "example.org",
        dnsChallenge: [{ provider: "digitalocean", config: { DO_PROPAGATION_TIMEOUT: "120" } }],
        recursiveNameservers: ["1.1.1.1:53"],
        preCheckDelay: 30,
        minDaysRemaining: 20,
      });
    });
    assert.deepEqual(resourcesOf(json, "nomad_acl_policy").p, {
      name: "p",
      rules_hcl: "node {}",
      job_acl: { namespace: "ns", job_id: "j", group: "g", task: "t" },
    });
    assert.deepEqual(resourcesOf(json, "nomad_namespace").n, {
      name: "n",
      capabilities: { enabled_task_drivers: ["docker"] },
      node_pool_config: { default: "pool", allowed: ["pool-*"] },
    });
    assert.deepEqual(resourcesOf(json, "nomad_acl_role").r, {
      name: "r",
      policy: [{ name: "a" }, { name: "b" }],
    });
    assert.deepEqual(resourcesOf(json, "nomad_variable").v, {
      path: "x",
      namespace: "n",
      items: { k: "${var.v}" },
    });
    assert.deepEqual(resourcesOf(json, "consul_acl_policy").c, {
      name: "c",
      rules: 'acl = "read"',
      datacenters: ["void"],
    });
    assert.deepEqual(resourcesOf(json, "acme_certificate").cert, {
      account_key_pem: "${acme_registration.reg.account_key_pem}",
      common_name: "example.org",
      dns_challenge: [{ provider: "digitalocean", config: { DO_PROPAGATION_TIMEOUT: "120" } }],
      recursive_nameservers: ["1.1.1.1:53"],
      pre_check_delay: 30,
      min_days_remaining: 20,
    });
  });
});
