import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Construct, Lazy } from "@void-linux/infra-constructs/cdktf";
import { DnsZone, type ZoneBackend, type ZoneBackendFactory } from "@void-linux/infra-constructs/dns";
import { route53Dns } from "@void-linux/infra-constructs/dns/aws";
import { DigitalOceanZoneBackend, digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { cloudDns } from "@void-linux/infra-constructs/dns/google";
import { assertHasResource, failureOf, resourcesOf, synthScope } from "../../../support/synth";

const zoneIn = <B extends ZoneBackend>(
  scope: Construct,
  backend: ZoneBackendFactory<B> = digitalOceanDns() as unknown as ZoneBackendFactory<B>,
) => new DnsZone(scope, "zone", { zoneName: "example.org", backend });

/** Runs `build` against a fresh DigitalOcean zone and returns the error message it throws. */
const failure = (build: (zone: DnsZone) => void) => failureOf((scope) => build(zoneIn(scope)));

const LONG_TXT = `v=DKIM1; k=rsa; p=${"A".repeat(300)}`;

/** The one resource of `type` whose attributes include `match`, with its logical id. */
function findOne(
  json: string,
  type: string,
  match: Record<string, unknown>,
): [string, Record<string, unknown>] {
  const found = Object.entries(resourcesOf(json, type)).filter(([, r]) =>
    Object.entries(match).every(([k, v]) => JSON.stringify(r[k]) === JSON.stringify(v)),
  );
  assert.equal(found.length, 1, `expected one ${type} with ${JSON.stringify(match)}, found ${found.length}`);
  return found[0] as [string, Record<string, unknown>];
}

describe("DnsZone on DigitalOcean", () => {
  let zone: DnsZone<DigitalOceanZoneBackend> | undefined;
  const json = synthScope((scope) => {
    zone = new DnsZone(scope, "zone", { zoneName: "Example.ORG.", backend: digitalOceanDns() });
    zone
      .a("@", "192.0.2.1")
      .aaaa("@", "2001:db8::1")
      .mx("@", { priority: 10, target: "mx.example.org." })
      .txt("@", "v=spf1 mx ~all")
      .a("proxy", ["192.0.2.10", "192.0.2.11"])
      .cname("www.example.org.", "proxy.example.org.", { ttl: 3600 })
      .txt("default._domainkey.example.org", LONG_TXT)
      .srv("_imaps._tcp", { priority: 0, weight: 5, port: 993, target: "mx.example.org." })
      .caa("@", { tag: "issue", value: "letsencrypt.org" });
  });

  it("creates the domain and one record per value with relative names", () => {
    assertHasResource(json, "digitalocean_domain", { name: "example.org" });
    assert.deepEqual(Object.keys(resourcesOf(json, "digitalocean_domain")), ["zone_example_org"]);
    const records = resourcesOf(json, "digitalocean_record");
    assert.equal(Object.keys(records).length, 10);
    assert.deepEqual(records.zone_www_cname, {
      domain: "${digitalocean_domain.zone_example_org.name}",
      name: "www",
      type: "CNAME",
      value: "proxy.example.org.",
      ttl: 3600,
    });
    assertHasResource(json, "digitalocean_record", {
      name: "@",
      type: "MX",
      value: "mx.example.org.",
      priority: 10,
    });
    assertHasResource(json, "digitalocean_record", {
      name: "_imaps._tcp",
      type: "SRV",
      value: "mx.example.org.",
      priority: 0,
      weight: 5,
      port: 993,
    });
    assertHasResource(json, "digitalocean_record", {
      name: "@",
      type: "CAA",
      value: "letsencrypt.org",
      tag: "issue",
      flags: 0,
    });
  });

  it("exposes the typed backend with its domain", () => {
    assert.ok(zone?.backend instanceof DigitalOceanZoneBackend);
    assert.equal(zone?.zoneName, "example.org");
    assert.equal(zone?.backend.domain?.friendlyUniqueId, "zone_example_org");
  });

  it("passes long TXT values whole (DigitalOcean splits them) at the normalized name, keyed by a digest", () => {
    const [id, record] = findOne(json, "digitalocean_record", { name: "default._domainkey", type: "TXT" });
    assert.equal(record.value, LONG_TXT);
    assert.match(id, /^zone_default__domainkey_txt_h[0-9a-f]{12}$/);
  });

  it("gives every value of an open set an id from its value, the apex included", () => {
    const ids = Object.keys(resourcesOf(json, "digitalocean_record"));
    assert.ok(ids.includes("zone_proxy_a_192_0_2_10"), ids.join(", "));
    assert.ok(ids.includes("zone_proxy_a_192_0_2_11"), ids.join(", "));
    assert.ok(ids.includes("zone_apex_a_192_0_2_1"), ids.join(", "));
    assert.ok(ids.includes("zone_apex_aaaa_2001_db8__1"), ids.join(", "));
    // A value with extra fields or spaces (MX, TXT, SRV, CAA) is keyed by a digest.
    assert.ok(
      ids.some((id) => /^zone_apex_mx_h[0-9a-f]{12}$/.test(id)),
      ids.join(", "),
    );
  });

  it("lists every record with the resource that publishes it", () => {
    const records = zone?.records ?? [];
    assert.equal(records.length, 10);
    const www = records.find((r) => r.name === "www");
    assert.equal(www?.type, "CNAME");
    assert.equal(www?.value, "proxy.example.org.");
    assert.equal(www?.resource.friendlyUniqueId, "zone_www_cname");
    assert.equal(new Set(records.map((r) => r.resource)).size, 10);
  });

  it("produces the same ids whatever order records are added in", () => {
    const forward = synthScope((scope) => {
      zoneIn(scope).a("p", "192.0.2.1").a("p", "192.0.2.2").cname("w", "p.example.org.");
    });
    const backward = synthScope((scope) => {
      zoneIn(scope).cname("w", "p.example.org.").a("p", "192.0.2.2").a("p", "192.0.2.1");
    });
    assert.deepEqual(
      resourcesOf(forward, "digitalocean_record"),
      resourcesOf(backward, "digitalocean_record"),
    );
  });

  it("gives an exclusive set one record without a key, updated in place when its value changes", () => {
    const ids = (value: string) =>
      synthScope((scope) => {
        zoneIn(scope).a("x", value, { exclusive: true });
      });
    const before = resourcesOf(ids("192.0.2.1"), "digitalocean_record");
    const after = resourcesOf(ids("192.0.2.2"), "digitalocean_record");
    assert.deepEqual(Object.keys(before), ["zone_x_a"]);
    assert.deepEqual(Object.keys(after), ["zone_x_a"]);
    assert.equal(after.zone_x_a?.value, "192.0.2.2");
  });

  it("writes records only into an existing zone", () => {
    let zone: DnsZone<DigitalOceanZoneBackend> | undefined;
    const existing = synthScope((scope) => {
      zone = new DnsZone(scope, "zone", {
        zoneName: "example.org",
        backend: digitalOceanDns({ existing: true }),
      });
      zone.a("x", "192.0.2.1");
    });
    assert.equal(zone?.backend.domain, undefined);
    assert.deepEqual(resourcesOf(existing, "digitalocean_domain"), {});
    assertHasResource(existing, "digitalocean_record", { domain: "example.org", name: "x" });
  });
});

describe("DnsZone on Route53", () => {
  const json = synthScope((scope) => {
    zoneIn(scope, route53Dns({ comment: "test" }))
      .a("proxy", ["192.0.2.11", "192.0.2.10"])
      .mx("@", [
        { priority: 20, target: "mx2.example.org." },
        { priority: 10, target: "mx1.example.org." },
      ])
      .txt("dkim", LONG_TXT)
      .txt("quoted", 'say "hi"')
      .cname("www", "proxy.example.org.", { ttl: 60 });
  });

  it("creates the hosted zone and one record set per name and type", () => {
    assertHasResource(json, "aws_route53_zone", { name: "example.org", comment: "test" });
    assert.deepEqual(Object.keys(resourcesOf(json, "aws_route53_record")).sort(), [
      "zone_apex_mx",
      "zone_dkim_txt",
      "zone_proxy_a",
      "zone_quoted_txt",
      "zone_www_cname",
    ]);
    assertHasResource(json, "aws_route53_record", {
      name: "proxy.example.org",
      type: "A",
      ttl: 300,
      records: ["192.0.2.10", "192.0.2.11"],
      zone_id: "${aws_route53_zone.zone_example_org.zone_id}",
    });
    assertHasResource(json, "aws_route53_record", {
      name: "example.org",
      type: "MX",
      records: ["10 mx1.example.org.", "20 mx2.example.org."],
    });
    assertHasResource(json, "aws_route53_record", {
      name: "www.example.org",
      ttl: 60,
      records: ["proxy.example.org."],
    });
  });

  it('splits TXT longer than 255 characters with "" and escapes quotes', () => {
    const records = resourcesOf(json, "aws_route53_record");
    assert.deepEqual(records.zone_dkim_txt?.records, [`${LONG_TXT.slice(0, 255)}""${LONG_TXT.slice(255)}`]);
    assert.deepEqual(records.zone_quoted_txt?.records, ['say \\"hi\\"']);
  });

  it("writes records only into an existing hosted zone, by its id", () => {
    const existing = synthScope((scope) => {
      zoneIn(scope, route53Dns({ existingZoneId: "Z0123456789" })).a("x", "192.0.2.1");
    });
    assert.deepEqual(resourcesOf(existing, "aws_route53_zone"), {});
    assertHasResource(existing, "aws_route53_record", { zone_id: "Z0123456789", name: "x.example.org" });
  });

  it("lists every value of a set with the one set resource", () => {
    let zone: DnsZone | undefined;
    synthScope((scope) => {
      zone = zoneIn(scope, route53Dns()).a("p", ["192.0.2.1", "192.0.2.2"]);
    });
    const [first, second] = zone?.records ?? [];
    assert.ok(first && second);
    assert.equal(first.resource, second.resource);
    assert.equal(first.resource.friendlyUniqueId, "zone_p_a");
  });
});

describe("DnsZone on Google Cloud DNS", () => {
  const json = synthScope((scope) => {
    zoneIn(scope, cloudDns({ project: "void-dns" }))
      .a("@", "192.0.2.1")
      .cname("www", "example.org.")
      .txt("dkim", LONG_TXT);
  });

  it("creates the managed zone and record sets with absolute names", () => {
    assertHasResource(json, "google_dns_managed_zone", {
      name: "example-org",
      dns_name: "example.org.",
      project: "void-dns",
    });
    assertHasResource(json, "google_dns_record_set", {
      name: "example.org.",
      type: "A",
      ttl: 300,
      rrdatas: ["192.0.2.1"],
      managed_zone: "${google_dns_managed_zone.zone_example_org.name}",
    });
    assertHasResource(json, "google_dns_record_set", {
      name: "www.example.org.",
      type: "CNAME",
      rrdatas: ["example.org."],
    });
  });

  it("writes long TXT as quoted 255-character strings", () => {
    const rrdatas = resourcesOf(json, "google_dns_record_set").zone_dkim_txt?.rrdatas;
    assert.deepEqual(rrdatas, [`"${LONG_TXT.slice(0, 255)}" "${LONG_TXT.slice(255)}"`]);
  });

  it("writes records only into an existing managed zone", () => {
    const existing = synthScope((scope) => {
      zoneIn(scope, cloudDns({ existing: true, managedZoneName: "legacy" })).a("x", "192.0.2.1");
    });
    assert.deepEqual(resourcesOf(existing, "google_dns_managed_zone"), {});
    assertHasResource(existing, "google_dns_record_set", { managed_zone: "legacy", name: "x.example.org." });
  });
});

describe("DnsZone validation", () => {
  it("rejects malformed IPv4 and IPv6 addresses", () => {
    assert.match(
      failure((z) => z.a("x", "192.0.2.300")),
      /^[^ ]*\/zone: record "x" A: "192.0.2.300" is not an IPv4 address/,
    );
    assert.match(
      failure((z) => z.aaaa("x", "2001:db8:::1")),
      /zone: record "x" AAAA: "2001:db8:::1" is not an IPv6 address/,
    );
    assert.match(
      failure((z) => z.aaaa("x", "192.0.2.1")),
      /is not an IPv6 address/,
    );
  });

  it("rejects a CNAME that shares its name with another record, in either order", () => {
    assert.match(
      failure((z) => z.a("www", "192.0.2.1").cname("www", "x.example.org.")),
      /zone: record "www" CNAME: a CNAME cannot share its name with other records \(found A\)/,
    );
    assert.match(
      failure((z) => z.cname("www", "x.example.org.").txt("www", "hello")),
      /zone: record "www" TXT: the name already has a CNAME/,
    );
    assert.match(
      failure((z) => z.cname("www", "x.example.org.").cname("www.example.org.", "y.example.org.")),
      /record "www" CNAME: a name can hold only one CNAME/,
    );
  });

  it("rejects a CNAME at the apex", () => {
    assert.match(
      failure((z) => z.cname("@", "x.example.net.")),
      /zone: record "@" CNAME: a CNAME cannot be at the zone apex/,
    );
  });

  it("requires absolute CNAME, MX and SRV targets", () => {
    assert.match(
      failure((z) => z.cname("www", "proxy")),
      /record "www" CNAME: target "proxy" is not absolute/,
    );
    assert.match(
      failure((z) => z.mx("@", { priority: 10, target: "mx.example.org" })),
      /record "@" MX: target "mx.example.org" is not absolute \(expected a fully qualified name with a trailing dot/,
    );
    assert.match(
      failure((z) => z.srv("_sip._tcp", { priority: 1, weight: 1, port: 5060, target: "sip" })),
      /record "_sip._tcp" SRV: target "sip" is not absolute/,
    );
  });

  it("requires an MX priority", () => {
    const noPriority = { target: "mx.example.org." } as unknown as { priority: number; target: string };
    assert.match(
      failure((z) => z.mx("@", noPriority)),
      /zone: record "@" MX: priority is missing \(expected an integer 0..65535\)/,
    );
    assert.match(
      failure((z) => z.mx("@", { priority: 70000, target: "mx.example.org." })),
      /priority 70000 is out of range/,
    );
  });

  it("rejects duplicate records", () => {
    assert.match(
      failure((z) => z.a("x", "192.0.2.1").a("x.example.org.", "192.0.2.1")),
      /zone: record "x" A: duplicate record 192.0.2.1 \(each value may appear once\)/,
    );
  });

  it("enforces TTL bounds and one TTL per set", () => {
    assert.match(
      failure((z) => z.a("x", "192.0.2.1", { ttl: 10 })),
      /zone: record "x" A: TTL 10 is out of bounds \(expected an integer 30..604800 seconds\)/,
    );
    assert.match(
      failure((z) => z.a("x", "192.0.2.1", { ttl: 700_000 })),
      /TTL 700000 is out of bounds/,
    );
    assert.match(
      failure((z) => z.a("x", "192.0.2.1", { ttl: 60 }).a("x", "192.0.2.2", { ttl: 120 })),
      /TTL 120 differs from the set's TTL 60/,
    );
  });

  it("rejects names outside the zone", () => {
    assert.match(
      failure((z) => z.a("www.example.net.", "192.0.2.1")),
      /zone: record name "www.example.net." is outside the zone example.org/,
    );
  });

  it("rejects a CAA tag outside the closed set", () => {
    const bad = { tag: "issuer", value: "ca.example" } as unknown as { tag: "issue"; value: string };
    assert.match(
      failure((z) => z.caa("@", bad)),
      /CAA: tag "issuer" is not a CAA tag/,
    );
  });

  it("keeps an exclusive set to one value and a set exclusive or open every time", () => {
    assert.match(
      failure((z) => z.a("x", "192.0.2.1", { exclusive: true }).a("x", "192.0.2.2", { exclusive: true })),
      /zone: record "x" A: the set is exclusive and already holds 192.0.2.1 \(expected one value\)/,
    );
    assert.match(
      failure((z) => z.a("x", "192.0.2.1").a("x", "192.0.2.2", { exclusive: true })),
      /zone: record "x" A: the set was declared open before/,
    );
    assert.match(
      failure((z) => z.a("x", ["192.0.2.1", "192.0.2.2"], { key: "both" })),
      /zone: record "x" A: a key names one value, but 2 were given/,
    );
  });

  it("needs a key or an exclusive set for a value known only after apply", () => {
    const later = Lazy.stringValue({ produce: () => "192.0.2.9" });
    assert.match(
      failure((z) => z.a("x", later).a("x", "192.0.2.2")),
      /zone: record "x" A: a value known only after apply needs options.key or options.exclusive to name it/,
    );
    const keyed = synthScope((scope) => {
      zoneIn(scope).a("x", later, { key: "web1" }).a("x", "192.0.2.2", { key: "web2" });
    });
    assertHasResource(keyed, "digitalocean_record", { name: "x", value: "192.0.2.9" });
    assert.deepEqual(Object.keys(resourcesOf(keyed, "digitalocean_record")).sort(), [
      "zone_x_a_web1",
      "zone_x_a_web2",
    ]);
    const exclusive = synthScope((scope) => {
      zoneIn(scope).a("x", later, { exclusive: true });
    });
    assert.deepEqual(resourcesOf(exclusive, "digitalocean_record").zone_x_a?.value, "192.0.2.9");
  });

  it("detects names that collide after sanitizing into one Terraform id", () => {
    assert.match(
      failure((z) => z.txt("a.b", "one").txt("a_b", "one")),
      /^stack\/zone: Terraform address digitalocean_record\.zone_a_b_txt_one would be held by both stack\/zone\/a\.b\|TXT\|one and stack\/zone\/a_b\|TXT\|one /,
    );
    assert.match(
      failureOf((scope) => zoneIn(scope, route53Dns()).txt("a.b", "one").txt("a_b", "two")),
      /^stack\/zone: Terraform address aws_route53_record\.zone_a_b_txt would be held by both/,
    );
    assert.match(
      failureOf((scope) => zoneIn(scope, cloudDns()).txt("a.b", "one").txt("a_b", "two")),
      /^stack\/zone: Terraform address google_dns_record_set\.zone_a_b_txt would be held by both/,
    );
  });

  it("refuses an invalid zone name", () => {
    const message = failureOf((scope) => {
      new DnsZone(scope, "zone", { zoneName: "not a zone", backend: digitalOceanDns() });
    });
    assert.match(message, /zone: zone name "not a zone" is not a domain name/);
  });
});
