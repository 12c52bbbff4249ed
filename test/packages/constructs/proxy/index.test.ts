import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Construct } from "@void-linux/infra-constructs/cdktf";
import { DnsZone } from "@void-linux/infra-constructs/dns";
import { route53Dns } from "@void-linux/infra-constructs/dns/aws";
import { digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { existingMachine, Host, type IHost } from "@void-linux/infra-constructs/host";
import { type IProxyTier, ProxyTier, PublishedService } from "@void-linux/infra-constructs/proxy";
import {
  assertHasResource,
  assertNoResource,
  failureOf,
  resourcesOf,
  synthScope,
} from "../../../support/synth";

interface World {
  zone: DnsZone;
  hosts: Host[];
}

function world(scope: Construct): World {
  const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });
  const hosts = ["a-hel-fi", "b-hel-fi", "c-hel-fi"].map(
    (name, i) =>
      new Host(scope, name, {
        zone,
        name,
        subdomain: "m",
        machine: existingMachine({
          ipv4: `192.0.2.${i + 1}`,
          ipv6: i === 2 ? undefined : `2001:db8::${i + 1}`,
        }),
      }),
  );
  return { zone, hosts };
}

/** Records of the tier's name only. */
function tierRecords(json: string, name: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(resourcesOf(json, "digitalocean_record")).filter(([, r]) => r.name === name),
  );
}

const failure = (build: (scope: Construct, w: World) => void) =>
  failureOf((scope) => build(scope, world(scope)));

describe("ProxyTier", () => {
  const build = (members: (hosts: Host[]) => Host[], ipv6 = true) =>
    synthScope((scope) => {
      const w = world(scope);
      new ProxyTier(scope, "proxy", {
        zone: w.zone,
        name: "proxy",
        members: members(w.hosts),
        ipv6,
        wildcards: ["s", "@"],
      });
    });

  it("publishes round-robin A and AAAA records keyed by member", () => {
    const records = tierRecords(
      build((h) => h),
      "proxy",
    );
    assert.deepEqual(Object.keys(records).sort(), [
      "zone_proxy_a_a-hel-fi",
      "zone_proxy_a_b-hel-fi",
      "zone_proxy_a_c-hel-fi",
      "zone_proxy_aaaa_a-hel-fi",
      "zone_proxy_aaaa_b-hel-fi",
    ]);
    assert.equal(records["zone_proxy_a_b-hel-fi"]?.value, "192.0.2.2");
  });

  it("takes a host out of rotation by removing exactly its records", () => {
    const all = tierRecords(
      build((h) => h),
      "proxy",
    );
    const without = tierRecords(
      build((h) => h.filter((host) => host.name !== "b-hel-fi")),
      "proxy",
    );
    const removed = Object.keys(all).filter((id) => !(id in without));
    assert.deepEqual(removed, ["zone_proxy_a_b-hel-fi", "zone_proxy_aaaa_b-hel-fi"]);
    for (const [id, record] of Object.entries(without)) assert.deepEqual(record, all[id]);
  });

  it("publishes A only when ipv6 is off, and wildcard CNAMEs to itself", () => {
    const json = build((h) => h, false);
    assertNoResource(json, "digitalocean_record", { name: "proxy", type: "AAAA" });
    assertHasResource(json, "digitalocean_record", {
      name: "*.s",
      type: "CNAME",
      value: "proxy.example.org.",
    });
    assertHasResource(json, "digitalocean_record", { name: "*", type: "CNAME", value: "proxy.example.org." });
  });

  it("exposes its name, members and wildcards, and knows which names a wildcard covers", () => {
    let tier: ProxyTier | undefined;
    synthScope((scope) => {
      const w = world(scope);
      tier = new ProxyTier(scope, "proxy", {
        zone: w.zone,
        name: "Proxy.example.org.",
        members: w.hosts.slice(0, 2),
        wildcards: ["s.example.org."],
      });
    });
    assert.equal(tier?.name, "proxy");
    assert.equal(tier?.fqdn, "proxy.example.org.");
    assert.deepEqual(
      tier?.members.map((m) => m.name),
      ["a-hel-fi", "b-hel-fi"],
    );
    assert.deepEqual(tier?.wildcards, ["s"]);
    assert.equal(tier?.covers("grafana.s"), true);
    assert.equal(tier?.covers("grafana.s.example.org."), true);
    assert.equal(tier?.covers("a.grafana.s"), false);
    assert.equal(tier?.covers("grafana"), false);
  });

  it("on Route53: one record set per type lists every member, and keeps its id when one leaves", () => {
    const synth = (names: readonly string[]) =>
      resourcesOf(
        synthScope((scope) => {
          const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: route53Dns() });
          const members = names.map(
            (name, i) =>
              new Host(scope, name, { zone, name, machine: existingMachine({ ipv4: `192.0.2.${i + 1}` }) }),
          );
          new ProxyTier(scope, "proxy", { zone, name: "proxy", members });
        }),
        "aws_route53_record",
      );
    const all = synth(["web1", "web2"]);
    const one = synth(["web1"]);
    assert.deepEqual(all.zone_proxy_a?.records, ["192.0.2.1", "192.0.2.2"]);
    assert.deepEqual(one.zone_proxy_a?.records, ["192.0.2.1"]);
  });

  it("rejects an empty tier and a member twice", () => {
    assert.match(
      failure((s, w) => new ProxyTier(s, "proxy", { zone: w.zone, name: "proxy", members: [] })),
      /\/proxy: proxy tier proxy has no members \(expected at least one host in rotation\)/,
    );
    assert.match(
      failure((s, w) =>
        new ProxyTier(s, "proxy", { zone: w.zone, name: "proxy", members: [w.hosts[0] as Host] }).addMember(
          w.hosts[0] as Host,
        ),
      ),
      /\/proxy: host a-hel-fi is already a member of proxy tier proxy/,
    );
  });

  it("rejects a member without an address the tier publishes", () => {
    assert.match(
      failure((s, w) => {
        const v6only = new Host(s, "v6only", {
          zone: w.zone,
          name: "v6only",
          machine: existingMachine({ ipv6: "2001:db8::99" }),
        });
        new ProxyTier(s, "proxy", { zone: w.zone, name: "proxy", members: [v6only], ipv6: false });
      }),
      /\/proxy: host v6only has no address this tier publishes \(expected ipv4\)/,
    );
  });
});

describe("PublishedService", () => {
  it("relies on wildcards where they cover a name and writes CNAMEs elsewhere", () => {
    let service: PublishedService | undefined;
    const json = synthScope((scope) => {
      const w = world(scope);
      const tier = new ProxyTier(scope, "proxy", {
        zone: w.zone,
        name: "proxy",
        members: w.hosts,
        wildcards: ["s"],
      });
      service = new PublishedService(scope, "grafana", {
        tier,
        names: ["grafana.s", "grafana.example.org."],
      });
      new PublishedService(scope, "docs", { tier, names: ["docs.s"], explicit: true });
    });
    assert.deepEqual(service?.viaWildcard, ["grafana.s"]);
    assert.deepEqual(service?.cnames, ["grafana"]);
    assert.deepEqual(service?.fqdns, ["grafana.s.example.org.", "grafana.example.org."]);
    assertNoResource(json, "digitalocean_record", { name: "grafana.s" });
    assertHasResource(json, "digitalocean_record", {
      name: "grafana",
      type: "CNAME",
      value: "proxy.example.org.",
    });
    assertHasResource(json, "digitalocean_record", {
      name: "docs.s",
      type: "CNAME",
      value: "proxy.example.org.",
    });
  });

  it("pins names to one member of the tier", () => {
    const json = synthScope((scope) => {
      const w = world(scope);
      const tier = new ProxyTier(scope, "proxy", {
        zone: w.zone,
        name: "proxy",
        members: w.hosts,
        wildcards: ["@"],
      });
      new PublishedService(scope, "popcorn", { tier, names: ["popcorn"], pinnedTo: w.hosts[1] });
    });
    assertHasResource(json, "digitalocean_record", {
      name: "popcorn",
      type: "CNAME",
      value: "b-hel-fi.m.example.org.",
    });
  });

  it("rejects a pin to a host outside the tier and a service without names", () => {
    assert.match(
      failure((s, w) => {
        const tier = new ProxyTier(s, "proxy", {
          zone: w.zone,
          name: "proxy",
          members: [w.hosts[0] as Host],
        });
        new PublishedService(s, "svc", { tier, names: ["svc"], pinnedTo: w.hosts[2] });
      }),
      /\/svc: pinned host c-hel-fi is not a member of proxy tier proxy \(expected one of a-hel-fi\)/,
    );
    assert.match(
      failure((s, w) => {
        const tier = new ProxyTier(s, "proxy", { zone: w.zone, name: "proxy", members: w.hosts });
        new PublishedService(s, "svc", { tier, names: [] });
      }),
      /\/svc: a published service needs at least one name/,
    );
  });
});

describe("PublishedService with tiers and hosts of its own", () => {
  const host = (name: string, fqdn: string): IHost => ({
    name,
    fqdn,
    ipv4: "198.51.100.1",
    ipv6: undefined,
    site: undefined,
    country: undefined,
    roles: [],
  });

  /** A tier this library did not build: e.g. a load balancer managed elsewhere, with a wildcard under `lb`. */
  const externalTier = (zone: DnsZone, members: readonly IHost[]): IProxyTier => ({
    zone,
    name: "lb",
    fqdn: "lb.example.org.",
    members,
    covers: (name) => zone.relative(name).endsWith(".lb"),
  });

  it("takes any IProxyTier, and pins to any IHost member of it", () => {
    let service: PublishedService | undefined;
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });
      const edge1 = host("edge1", "edge1.example.net.");
      const tier = externalTier(zone, [edge1, host("edge2", "edge2.example.net.")]);
      service = new PublishedService(scope, "app", { tier, names: ["app", "app.lb"] });
      new PublishedService(scope, "sticky", { tier, names: ["sticky"], pinnedTo: edge1 });
    });
    assert.deepEqual(service?.cnames, ["app"]);
    assert.deepEqual(service?.viaWildcard, ["app.lb"]);
    assertHasResource(json, "digitalocean_record", { name: "app", type: "CNAME", value: "lb.example.org." });
    assertHasResource(json, "digitalocean_record", {
      name: "sticky",
      type: "CNAME",
      value: "edge1.example.net.",
    });
    assertNoResource(json, "digitalocean_record", { name: "app.lb" });
  });

  it("refuses a pin to an IHost that is not one of such a tier's members (by identity, not by name)", () => {
    assert.match(
      failureOf((scope) => {
        const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });
        const tier = externalTier(zone, [host("edge1", "edge1.example.net.")]);
        new PublishedService(scope, "svc", {
          tier,
          names: ["svc"],
          pinnedTo: host("edge1", "edge1.example.net."),
        });
      }),
      /\/svc: pinned host edge1 is not a member of proxy tier lb \(expected one of edge1\)/,
    );
  });
});
