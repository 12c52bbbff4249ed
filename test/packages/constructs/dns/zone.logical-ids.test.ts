/**
 * Terraform addresses of records: two zones in one stack never share one, and a record set that
 * grows never renames the values it already holds.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Construct } from "@void-linux/infra-constructs/cdktf";
import { DnsZone, type ZoneBackendFactory } from "@void-linux/infra-constructs/dns";
import { route53Dns } from "@void-linux/infra-constructs/dns/aws";
import { digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { cloudDns } from "@void-linux/infra-constructs/dns/google";
import { failureOf, resourcesOf, synthScope } from "../../../support/synth";

const BACKENDS: readonly {
  readonly label: string;
  readonly backend: () => ZoneBackendFactory;
  readonly recordType: string;
  readonly zoneType: string;
}[] = [
  {
    label: "DigitalOcean",
    backend: () => digitalOceanDns(),
    recordType: "digitalocean_record",
    zoneType: "digitalocean_domain",
  },
  {
    label: "Route53",
    backend: () => route53Dns(),
    recordType: "aws_route53_record",
    zoneType: "aws_route53_zone",
  },
  {
    label: "Cloud DNS",
    backend: () => cloudDns(),
    recordType: "google_dns_record_set",
    zoneType: "google_dns_managed_zone",
  },
];

describe("two zones in one stack", () => {
  it("on DigitalOcean: the same TXT record in both zones is two distinct resources", () => {
    const json = synthScope((scope) => {
      for (const [id, zoneName] of [
        ["org", "voidlinux.org"],
        ["eu", "voidlinux.eu"],
      ] as const) {
        new DnsZone(scope, id, { zoneName, backend: digitalOceanDns() }).txt(
          "_github-challenge",
          "0123abcdef",
        );
      }
    });
    const records = resourcesOf(json, "digitalocean_record");
    assert.deepEqual(Object.keys(records).sort(), [
      "eu__github-challenge_txt_0123abcdef",
      "org__github-challenge_txt_0123abcdef",
    ]);
    assert.equal(
      records["org__github-challenge_txt_0123abcdef"]?.domain,
      "${digitalocean_domain.zone_voidlinux_org.name}",
    );
    assert.equal(
      records["eu__github-challenge_txt_0123abcdef"]?.domain,
      "${digitalocean_domain.zone_voidlinux_eu.name}",
    );
    assert.deepEqual(Object.keys(resourcesOf(json, "digitalocean_domain")).sort(), [
      "zone_voidlinux_eu",
      "zone_voidlinux_org",
    ]);
  });

  for (const { label, backend, recordType, zoneType } of BACKENDS) {
    it(`on ${label}: an apex A record in each zone is two distinct resources`, () => {
      const json = synthScope((scope) => {
        new DnsZone(scope, "org", { zoneName: "example.org", backend: backend() }).a("@", "192.0.2.1");
        new DnsZone(scope, "net", { zoneName: "example.net", backend: backend() }).a("@", "192.0.2.1");
      });
      const records = resourcesOf(json, recordType);
      assert.equal(Object.keys(records).length, 2, Object.keys(records).join(", "));
      const [org, net] = ["org", "net"].map((prefix) =>
        Object.keys(records).filter((id) => id.startsWith(`${prefix}_apex_a`)),
      );
      assert.equal(org?.length, 1, `one ${recordType} for org, found ${Object.keys(records).join(", ")}`);
      assert.equal(net?.length, 1, `one ${recordType} for net, found ${Object.keys(records).join(", ")}`);
      assert.equal(Object.keys(resourcesOf(json, zoneType)).length, 2);
    });

    it(`on ${label}: one explicit idPrefix for both zones fails naming both construct paths`, () => {
      const message = failureOf((scope) => {
        new DnsZone(scope, "org", { zoneName: "example.org", backend: backend(), idPrefix: "dns" }).a(
          "@",
          "192.0.2.1",
        );
        new DnsZone(scope, "net", { zoneName: "example.net", backend: backend(), idPrefix: "dns" }).a(
          "@",
          "192.0.2.1",
        );
      });
      assert.match(
        message,
        new RegExp(`Terraform address ${recordType}\\.dns_apex_a\\S* would be held by both`),
      );
      assert.match(message, /both stack\/org\/\S+ and stack\/net\/\S+ /);
    });
  }

  it("derives the default prefix from the construct path below the stack", () => {
    const json = synthScope((scope) => {
      const zones = new Construct(scope, "zones");
      new DnsZone(zones, "voidlinux", { zoneName: "voidlinux.org", backend: digitalOceanDns() }).a(
        "www",
        "192.0.2.1",
      );
      new DnsZone(scope, "voidlinux", { zoneName: "voidlinux.eu", backend: digitalOceanDns() }).a(
        "www",
        "192.0.2.1",
      );
    });
    assert.deepEqual(Object.keys(resourcesOf(json, "digitalocean_record")).sort(), [
      "voidlinux_www_a_192_0_2_1",
      "zones_voidlinux_www_a_192_0_2_1",
    ]);
  });

  it("keeps an explicit idPrefix for a zone's records", () => {
    const json = synthScope((scope) => {
      new DnsZone(scope, "zone", { zoneName: "example.org", backend: route53Dns(), idPrefix: "record" }).a(
        "www",
        "192.0.2.1",
      );
    });
    assert.deepEqual(Object.keys(resourcesOf(json, "aws_route53_record")), ["record_www_a"]);
  });
});

describe("a record set that grows", () => {
  const synth = (backend: () => ZoneBackendFactory, values: readonly string[]) =>
    synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: backend() });
      for (const value of values) zone.a("www", value);
    });

  it("on DigitalOcean: the first value keeps its resource id and attributes, the second is added", () => {
    const one = resourcesOf(synth(digitalOceanDns, ["192.0.2.1"]), "digitalocean_record");
    const two = resourcesOf(synth(digitalOceanDns, ["192.0.2.1", "192.0.2.2"]), "digitalocean_record");
    assert.deepEqual(Object.keys(one), ["zone_www_a_192_0_2_1"]);
    assert.deepEqual(Object.keys(two).sort(), ["zone_www_a_192_0_2_1", "zone_www_a_192_0_2_2"]);
    assert.deepEqual(two.zone_www_a_192_0_2_1, one.zone_www_a_192_0_2_1);
    assert.equal(two.zone_www_a_192_0_2_2?.value, "192.0.2.2");
  });

  it("on DigitalOcean: a value added in front of the first renames nothing either", () => {
    const one = resourcesOf(synth(digitalOceanDns, ["192.0.2.2"]), "digitalocean_record");
    const two = resourcesOf(synth(digitalOceanDns, ["192.0.2.1", "192.0.2.2"]), "digitalocean_record");
    assert.deepEqual(two.zone_www_a_192_0_2_2, one.zone_www_a_192_0_2_2);
  });

  for (const [label, backend, type, field] of [
    ["Route53", route53Dns, "aws_route53_record", "records"],
    ["Cloud DNS", cloudDns, "google_dns_record_set", "rrdatas"],
  ] as const) {
    it(`on ${label}: the set's one resource keeps its id and gains the value`, () => {
      const one = resourcesOf(synth(backend, ["192.0.2.1"]), type);
      const two = resourcesOf(synth(backend, ["192.0.2.1", "192.0.2.2"]), type);
      assert.deepEqual(Object.keys(one), ["zone_www_a"]);
      assert.deepEqual(Object.keys(two), ["zone_www_a"]);
      assert.deepEqual(one.zone_www_a?.[field], ["192.0.2.1"]);
      assert.deepEqual(two.zone_www_a?.[field], ["192.0.2.1", "192.0.2.2"]);
      const { [field]: _one, ...restOne } = one.zone_www_a ?? {};
      const { [field]: _two, ...restTwo } = two.zone_www_a ?? {};
      assert.deepEqual(restTwo, restOne);
    });
  }
});
