import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { CdnFront, type CdnFrontProps } from "@void-linux/infra-constructs/cdn";
import { DnsZone } from "@void-linux/infra-constructs/dns";
import { digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { addressOf, assertHasResource, resourcesOf, synthScope, testApp } from "../../../support/synth";

const BASE: CdnFrontProps = {
  serviceName: "assets",
  domains: [{ name: "cdn.example.org", comment: "Assets" }],
  origins: [{ name: "origin", address: "origin.example.org" }],
  edgeTarget: "dualstack.n.sni.global.fastly.net.",
};

/** A front in a fresh stack called `stack`, so messages start with `stack/front`. */
function build(props: Partial<CdnFrontProps>): CdnFront {
  return new CdnFront(new TerraformStack(testApp(), "stack"), "front", { ...BASE, ...props });
}

/** Runs `props` through the construct and returns the validation message. */
function failure(props: Partial<CdnFrontProps>): string {
  try {
    build(props);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail("expected a ValidationError");
}

describe("CdnFront", () => {
  test("creates the service with secure origin defaults and names it after the data", () => {
    let front: CdnFront | undefined;
    const json = synthScope((scope) => {
      front = new CdnFront(scope, "front", BASE);
    });
    assertHasResource(json, "fastly_service_vcl", {
      name: "assets",
      domain: [{ name: "cdn.example.org", comment: "Assets" }],
      backend: [{ name: "origin", address: "origin.example.org", port: 443, use_ssl: true }],
    });
    assert.deepEqual(Object.keys(resourcesOf(json, "fastly_service_vcl")), ["assets"]);
    assert.ok(front);
    assert.equal(addressOf(front.service), "fastly_service_vcl.assets");
    assert.equal(addressOf(front.tlsSubscription), "fastly_tls_subscription.tls_assets");
  });

  test("creates a lets-encrypt subscription named after the service for all domains, after the service", () => {
    const json = synthScope((scope) => {
      new CdnFront(scope, "front", {
        ...BASE,
        domains: [{ name: "cdn.example.org" }, { name: "static.example.org" }],
      });
    });
    const subs = resourcesOf(json, "fastly_tls_subscription");
    assert.deepEqual(Object.keys(subs), ["tls_assets"]);
    assert.deepEqual(subs.tls_assets, {
      certificate_authority: "lets-encrypt",
      domains: ["cdn.example.org", "static.example.org"],
      depends_on: ["fastly_service_vcl.assets"],
    });
  });

  test("exposes the traffic and ACME challenge CNAMEs with given challenge targets", () => {
    const front = build({ challengeTargets: { "cdn.example.org": "abc.fastly-validations.com." } });
    assert.deepEqual(front.dnsRecords, [
      {
        name: "cdn.example.org.",
        type: "CNAME",
        target: "dualstack.n.sni.global.fastly.net.",
        purpose: "traffic",
      },
      {
        name: "_acme-challenge.cdn.example.org.",
        type: "CNAME",
        target: "abc.fastly-validations.com.",
        purpose: "acme-challenge",
      },
    ]);
  });

  test("publishes both CNAMEs into a zone given as a prop", () => {
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });
      new CdnFront(scope, "front", {
        ...BASE,
        zone,
        challengeTargets: { "cdn.example.org": "abc.fastly-validations.com." },
      });
    });
    assert.deepEqual(
      Object.values(resourcesOf(json, "digitalocean_record")).map((r) => [r.name, r.type, r.value]),
      [
        ["_acme-challenge.cdn", "CNAME", "abc.fastly-validations.com."],
        ["cdn", "CNAME", "dualstack.n.sni.global.fastly.net."],
      ],
    );
  });

  test("without challenge targets, a zone in the same stack reads the value from the subscription", () => {
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });
      new CdnFront(scope, "front", { ...BASE, zone });
    });
    assertHasResource(json, "digitalocean_record", {
      name: "_acme-challenge.cdn",
      type: "CNAME",
      value:
        '${zipmap(fastly_tls_subscription.tls_assets.managed_dns_challenges[*].record_name, fastly_tls_subscription.tls_assets.managed_dns_challenges[*].record_value)["_acme-challenge.cdn.example.org"]}.',
    });
  });

  test("publishTo is fluent and refuses a zone that does not contain the domains", () => {
    const front = build({ challengeTargets: { "cdn.example.org": "abc.fastly-validations.com." } });
    const scope = front.node.scope as TerraformStack;
    const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });
    assert.equal(front.publishTo(zone), front);
    assert.throws(
      () =>
        front.publishTo(new DnsZone(scope, "other", { zoneName: "example.net", backend: digitalOceanDns() })),
      {
        message:
          "stack/front: domain cdn.example.org is not inside zone example.net (expected names ending in .example.net)",
      },
    );
  });
});

describe("CdnFront validation", () => {
  const cases: [string, Partial<CdnFrontProps>, string][] = [
    ["empty service name", { serviceName: " " }, "serviceName is empty (expected the Fastly service name)"],
    ["no domains", { domains: [] }, "no domains (expected at least one hostname to serve)"],
    [
      "domain with trailing dot",
      { domains: [{ name: "cdn.example.org." }] },
      'domain "cdn.example.org." is not a hostname (expected lower-case labels like cdn.example.org, no trailing dot)',
    ],
    [
      "duplicate domain",
      { domains: [{ name: "cdn.example.org" }, { name: "cdn.example.org" }] },
      'domain "cdn.example.org" is listed twice (expected each once)',
    ],
    ["no origins", { origins: [] }, "no origins (expected at least one origin to fetch from)"],
    [
      "duplicate origin",
      {
        origins: [
          { name: "o", address: "a.example.org" },
          { name: "o", address: "b.example.org" },
        ],
      },
      'origin "o" is listed twice (expected each once)',
    ],
    [
      "bad port",
      { origins: [{ name: "o", address: "a.example.org", port: 70000 }] },
      'origin "o" has port 70000 (expected an integer from 1 to 65535)',
    ],
    [
      "duplicate snippet",
      {
        snippets: [
          { name: "s", type: "recv", content: "return(pass);" },
          { name: "s", type: "fetch", content: "return(pass);" },
        ],
      },
      'snippet "s" is listed twice (expected each once)',
    ],
    [
      "empty snippet",
      { snippets: [{ name: "s", type: "recv", content: "  " }] },
      'snippet "s" has no content (expected VCL code)',
    ],
    [
      "negative priority",
      { snippets: [{ name: "s", type: "recv", content: "return(pass);", priority: -1 }] },
      'snippet "s" has priority -1 (expected a non-negative integer)',
    ],
    [
      "Void's original character-class regex",
      {
        snippets: [
          {
            name: "Enable segment caching for XBPS pool",
            type: "recv",
            content:
              'if (req.url.path ~ "^.+[.gz|.xz|.xbps|.iso]$") {\n  set req.enable_segmented_caching = true;\n}\n',
          },
        ],
      },
      'snippet "Enable segment caching for XBPS pool": regex "^.+[.gz|.xz|.xbps|.iso]$" has the character class [.gz|.xz|.xbps|.iso], which matches a single character; for alternatives use a group (expected e.g. "\\.(gz|xz|xbps|iso)")',
    ],
    [
      "duplicate cache setting",
      {
        cacheSettings: [
          { name: "c", ttl: 1 },
          { name: "c", ttl: 2 },
        ],
      },
      'cache setting "c" is listed twice (expected each once)',
    ],
    [
      "negative ttl",
      { cacheSettings: [{ name: "c", ttl: -5 }] },
      'cache setting "c" has ttl -5 (expected a non-negative whole number of seconds)',
    ],
    [
      "relative edge target",
      { edgeTarget: "dualstack.n.sni.global.fastly.net" },
      'edgeTarget: target "dualstack.n.sni.global.fastly.net" is not absolute (expected a fully qualified name with a trailing dot, e.g. "dualstack.n.sni.global.fastly.net.")',
    ],
    [
      "challenge target for an unknown domain",
      { challengeTargets: { "cdn.example.com": "abc.fastly-validations.com." } },
      'challengeTargets has "cdn.example.com", which is not a domain of this front (did you mean "cdn.example.org"?)',
    ],
    [
      "challenge target missing for a domain",
      {
        domains: [{ name: "cdn.example.org" }, { name: "img.example.org" }],
        challengeTargets: { "cdn.example.org": "abc.fastly-validations.com." },
      },
      "challengeTargets has no entry for img.example.org (expected one per domain, or omit it entirely)",
    ],
    [
      "relative challenge target",
      { challengeTargets: { "cdn.example.org": "abc.fastly-validations.com" } },
      `challengeTargets["cdn.example.org"]: target "abc.fastly-validations.com" is not absolute (expected a fully qualified name with a trailing dot, e.g. "abc.fastly-validations.com.")`,
    ],
  ];
  for (const [name, props, message] of cases) {
    test(name, () => {
      assert.equal(failure(props), `stack/front: ${message}`);
    });
  }

  test("two fronts with the same service name collide", () => {
    const stack = new TerraformStack(testApp(), "stack");
    new CdnFront(stack, "one", BASE);
    assert.throws(() => new CdnFront(stack, "two", { ...BASE, domains: [{ name: "other.example.org" }] }), {
      message:
        'stack/two: Terraform address fastly_service_vcl.assets would be held by both stack/one/service and stack/two/service (expected names that stay distinct once characters other than letters, digits, "_" and "-" become "_", and a distinct id prefix per zone or organization)',
    });
  });

  test("two fronts whose service names sanitize alike collide", () => {
    const stack = new TerraformStack(testApp(), "stack");
    new CdnFront(stack, "one", { ...BASE, serviceName: "a.b" });
    assert.throws(() => new CdnFront(stack, "two", { ...BASE, serviceName: "a_b" }), {
      message:
        /^stack\/two: Terraform address fastly_service_vcl\.a_b would be held by both stack\/one\/service and stack\/two\/service /,
    });
  });

  test("two fronts whose first domains sanitize alike keep distinct subscriptions, named by service", () => {
    const json = synthScope((scope) => {
      new CdnFront(scope, "one", BASE);
      new CdnFront(scope, "two", { ...BASE, serviceName: "other", domains: [{ name: "cdn-example.org" }] });
    });
    const subs = resourcesOf(json, "fastly_tls_subscription");
    assert.deepEqual(Object.keys(subs).sort(), ["tls_assets", "tls_other"]);
    assert.deepEqual(subs.tls_other.domains, ["cdn-example.org"]);
    assert.deepEqual(subs.tls_other.depends_on, ["fastly_service_vcl.other"]);
  });
});
