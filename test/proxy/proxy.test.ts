import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Construct } from "../../constructs/cdktf";
import { DnsZone } from "../../constructs/dns";
import { Host } from "../../constructs/host";
import { ProxyTier, PublishedService } from "../../constructs/proxy";
import { assertHasResource, assertNoResource, failureOf, resourcesOf, synthScope } from "../support/synth";

interface World {
  zone: DnsZone;
  hosts: Host[];
}

function world(scope: Construct): World {
  const zone = new DnsZone(scope, "zone", { zoneName: "example.org" });
  const hosts = ["a-hel-fi", "b-hel-fi", "c-hel-fi"].map(
    (name, i) =>
      new Host(scope, name, {
        zone,
        name,
        subdomain: "m",
        provider: {
          kind: "existing",
          ipv4: `192.0.2.${i + 1}`,
          ipv6: i === 2 ? undefined : `2001:db8::${i + 1}`,
        },
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
      "record_proxy_a_a-hel-fi",
      "record_proxy_a_b-hel-fi",
      "record_proxy_a_c-hel-fi",
      "record_proxy_aaaa_a-hel-fi",
      "record_proxy_aaaa_b-hel-fi",
    ]);
    assert.equal(records["record_proxy_a_b-hel-fi"]?.value, "192.0.2.2");
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
    assert.deepEqual(removed, ["record_proxy_a_b-hel-fi", "record_proxy_aaaa_b-hel-fi"]);
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
