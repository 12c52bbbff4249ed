import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { Testing } from "@void-linux/infra-constructs/cdktf";
import type { TlsStack } from "../../stacks/tls";
import { adoptionStacks } from "../support/stacks";
import { addressOf, parse, resourcesOf, type StackJson } from "../support/synth";

const CHAIN =
  "${acme_certificate.certificate_voidlinux_org.certificate_pem}${acme_certificate.certificate_voidlinux_org.issuer_pem}";
const KEY = "${acme_certificate.certificate_voidlinux_org.private_key_pem}";

describe("tls stack from the adoption estate", () => {
  let stack: TlsStack;
  let json: StackJson;
  let hashistackJson: StackJson;
  before(() => {
    const { hashistack, tls } = adoptionStacks();
    stack = tls;
    json = parse(Testing.synth(tls, true));
    hashistackJson = parse(Testing.synth(hashistack, true));
  });

  it("registers an RSA account key at the Let's Encrypt production directory", () => {
    assert.deepEqual(json.provider?.acme, [{ server_url: "https://acme-v02.api.letsencrypt.org/directory" }]);
    assert.deepEqual(Object.values(resourcesOf(json, "tls_private_key")), [{ algorithm: "RSA" }]);
    assert.deepEqual(Object.values(resourcesOf(json, "acme_registration")), [
      {
        account_key_pem: "${tls_private_key.account_key_voidlinux_org.private_key_pem}",
        email_address: "maldridge@voidlinux.org",
      },
    ]);
  });

  it("requests the wildcard certificate by DigitalOcean DNS-01", () => {
    assert.deepEqual(Object.values(resourcesOf(json, "acme_certificate")), [
      {
        account_key_pem: "${acme_registration.registration_voidlinux_org.account_key_pem}",
        common_name: "voidlinux.org",
        subject_alternative_names: ["*.voidlinux.org", "*.s.voidlinux.org", "*.m.voidlinux.org"],
        dns_challenge: [{ provider: "digitalocean" }],
        pre_check_delay: 30,
        recursive_nameservers: ["1.1.1.1"],
      },
    ]);
  });

  it("delivers chain and key into one Nomad variable per consuming job", () => {
    const variables = Object.values(resourcesOf(json, "nomad_variable"));
    assert.equal(variables.length, 3);
    assert.deepEqual(variables.map((v) => [v.namespace, v.path]).sort(), [
      ["apps-restricted", "nomad/jobs/maddy"],
      ["infrastructure", "nomad/jobs/nginx-control"],
      ["mirror", "nomad/jobs/nginx"],
    ]);
    for (const variable of variables) assert.deepEqual(variable.items, { certificate: CHAIN, key: KEY });
  });

  it("writes only into namespaces the hashistack stack declares", () => {
    const declared = new Set(
      Object.values(resourcesOf(hashistackJson, "nomad_namespace")).map((n) => n.name),
    );
    for (const variable of Object.values(resourcesOf(json, "nomad_variable"))) {
      assert.ok(declared.has(variable.namespace), String(variable.namespace));
    }
  });

  it("pins the same Nomad provider as hashistack and declares tls", () => {
    const pins = json.terraform?.required_providers as Record<string, { version: string }>;
    const hashiPins = hashistackJson.terraform?.required_providers as Record<string, { version: string }>;
    assert.equal(pins.nomad.version, hashiPins.nomad.version);
    assert.deepEqual(pins, {
      acme: { source: "vancluever/acme", version: "2.41.0" },
      nomad: { source: "hashicorp/nomad", version: "2.5.2" },
      tls: { source: "hashicorp/tls", version: "4.1.0" },
    });
  });

  it("keeps Void's state key", () => {
    if ((process.env.INFRA_BACKEND ?? "http") === "http") {
      assert.equal(
        (json.terraform as { backend: { http: { address: string } } }).backend.http.address,
        "https://terrastate.s.voidlinux.org/state/tls/letsencrypt",
      );
    }
  });

  it("emits no moved or removed blocks itself: adopting Void's state is migration/'s job", () => {
    assert.equal(json.moved, undefined);
    assert.equal(json.removed, undefined);
  });

  it("exposes the certificate's resources and deliveries as handles", () => {
    const { certificate } = stack;
    assert.equal(addressOf(certificate.accountKey), "tls_private_key.account_key_voidlinux_org");
    assert.equal(addressOf(certificate.registration), "acme_registration.registration_voidlinux_org");
    assert.equal(addressOf(certificate.certificate), "acme_certificate.certificate_voidlinux_org");
    assert.deepEqual([...certificate.deliveries.keys()].sort(), [
      "apps-restricted/nomad/jobs/maddy",
      "infrastructure/nomad/jobs/nginx-control",
      "mirror/nomad/jobs/nginx",
    ]);
    const variables = resourcesOf(json, "nomad_variable");
    for (const [key, variable] of certificate.deliveries) {
      const [type, id] = addressOf(variable.resource).split(".");
      assert.equal(type, "nomad_variable");
      assert.equal(`${variables[id]?.namespace}/${variables[id]?.path}`, key);
    }
  });

  it("has no outputs", () => {
    assert.equal(json.output, undefined);
  });
});
