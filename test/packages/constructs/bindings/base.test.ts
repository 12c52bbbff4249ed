import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AcmeProvider,
  Certificate,
  LETS_ENCRYPT_PRODUCTION,
  Registration,
} from "@void-linux/infra-constructs/bindings/acme";
import { AclPolicy as ConsulAclPolicy, ConsulProvider } from "@void-linux/infra-constructs/bindings/consul";
import { nomadProvider } from "@void-linux/infra-constructs/nomad";
import { parse, resourcesOf, synthScope } from "../../../support/synth";

describe("provider bindings", () => {
  it("pin exact provider versions in required_providers and carry no credentials", () => {
    const json = parse(
      synthScope((scope) => {
        nomadProvider(scope, "nomad", { address: "https://nomad.example.org", region: "global" });
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
