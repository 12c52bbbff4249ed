import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Construct } from "@void-linux/infra-constructs/cdktf";
import { DnsZone } from "@void-linux/infra-constructs/dns";
import { digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { existingMachine, Host, type IHost } from "@void-linux/infra-constructs/host";
import { Mirror, type MirrorProps } from "@void-linux/infra-constructs/mirror";
import type { IConstruct } from "constructs";
import { ADOPTION_ESTATE } from "../../../support/estate";
import { assertHasResource, failureOf, resourcesOf, synthScope } from "../../../support/synth";

/** cdktf annotation warnings attached to `construct`. */
function warnings(construct: IConstruct): string[] {
  return construct.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
}

const VOID_NAMING = ADOPTION_ESTATE.hosts.naming;

interface World {
  zone: DnsZone;
  helsinki: Host;
  helsinkiStale: Host;
  frankfurt: Host;
}

function world(scope: Construct): World {
  const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });
  const host = (name: string, ipv4: string, country: string) =>
    new Host(scope, name, {
      zone,
      name,
      subdomain: "m",
      naming: VOID_NAMING,
      machine: existingMachine({ ipv4 }),
      country,
    });
  return {
    zone,
    helsinki: host("d-hel-fi", "192.0.2.4", "fi"),
    helsinkiStale: host("b-hel-fi", "192.0.2.2", "fi"),
    frankfurt: host("a-fra-de", "192.0.2.5", "de"),
  };
}

function mirrorProps(w: World, over: Partial<MirrorProps>): MirrorProps {
  return {
    zone: w.zone,
    name: "repo-fi",
    target: w.helsinki,
    region: "EU",
    location: "Helsinki, Finland",
    enabled: true,
    country: "fi",
    syncedHosts: [w.helsinki, w.frankfurt],
    ...over,
  };
}

const failure = (build: (scope: Construct, w: World) => void) =>
  failureOf((scope) => build(scope, world(scope)));

describe("Mirror", () => {
  it("publishes its name as a CNAME to its host, with aliases", () => {
    let mirror: Mirror | undefined;
    const json = synthScope((scope) => {
      const w = world(scope);
      mirror = new Mirror(scope, "repo-fi", mirrorProps(w, {})).addAlias("repo-default");
    });
    assert.equal(mirror?.name, "repo-fi");
    assert.equal(mirror?.fqdn, "repo-fi.example.org.");
    assert.equal(mirror?.baseUrl, "https://repo-fi.example.org/");
    assert.equal(mirror?.country, "fi");
    assert.equal(mirror?.region, "EU");
    assert.equal(mirror?.location, "Helsinki, Finland");
    assert.equal(mirror?.enabled, true);
    assert.deepEqual(warnings(mirror as Mirror), []);
    assertHasResource(json, "digitalocean_record", {
      name: "repo-fi",
      type: "CNAME",
      value: "d-hel-fi.m.example.org.",
    });
    assertHasResource(json, "digitalocean_record", {
      name: "repo-default",
      type: "CNAME",
      value: "repo-fi.example.org.",
    });
  });

  it("uses its name as given: no prefix is added, and an absolute name is made relative", () => {
    let plain: Mirror | undefined;
    let absolute: Mirror | undefined;
    const json = synthScope((scope) => {
      const w = world(scope);
      plain = new Mirror(scope, "fi", mirrorProps(w, { name: "fi" }));
      absolute = new Mirror(
        scope,
        "de",
        mirrorProps(w, {
          name: "Mirror-DE.example.org.",
          target: w.frankfurt,
          country: "de",
          location: "Frankfurt, Germany",
        }),
      );
    });
    assert.equal(plain?.name, "fi");
    assert.equal(plain?.baseUrl, "https://fi.example.org/");
    assert.equal(absolute?.name, "mirror-de");
    assert.equal(absolute?.baseUrl, "https://mirror-de.example.org/");
    const cnames = Object.values(resourcesOf(json, "digitalocean_record"))
      .filter((r) => r.type === "CNAME")
      .map((r) => r.name)
      .sort();
    assert.deepEqual(cnames, ["fi", "mirror-de"]);
  });

  it("points at a CDN name without country checks", () => {
    let mirror: Mirror | undefined;
    const json = synthScope((scope) => {
      const w = world(scope);
      mirror = new Mirror(
        scope,
        "repo-cdn",
        mirrorProps(w, { name: "repo-cdn", target: "edge.cdn.example.net.", region: "World", country: "us" }),
      );
    });
    assert.deepEqual(warnings(mirror as Mirror), []);
    assertHasResource(json, "digitalocean_record", { name: "repo-cdn", value: "edge.cdn.example.net." });
  });

  it("points at any IHost, not only a Host construct", () => {
    const json = synthScope((scope) => {
      const w = world(scope);
      const elsewhere: IHost = {
        name: "mirror.example.net",
        fqdn: "mirror.example.net.",
        ipv4: "198.51.100.7",
        ipv6: undefined,
        site: undefined,
        country: "se",
        roles: [],
      };
      new Mirror(
        scope,
        "repo-se",
        mirrorProps(w, {
          name: "repo-se",
          target: elsewhere,
          country: "se",
          location: "Stockholm, Sweden",
          syncedHosts: [elsewhere],
        }),
      );
    });
    assertHasResource(json, "digitalocean_record", { name: "repo-se", value: "mirror.example.net." });
  });

  it("does not check the country when none is declared", () => {
    let mirror: Mirror | undefined;
    synthScope((scope) => {
      const w = world(scope);
      mirror = new Mirror(scope, "repo-x", mirrorProps(w, { name: "repo-x", country: undefined }));
    });
    assert.equal(mirror?.country, undefined);
    assert.deepEqual(warnings(mirror as Mirror), []);
  });

  it("rejects an enabled mirror whose host is in another country than declared", () => {
    assert.match(
      failure(
        (s, w) =>
          new Mirror(
            s,
            "repo-us",
            mirrorProps(w, { name: "repo-us", country: "us", location: "Kansas City, USA" }),
          ),
      ),
      /\/repo-us: mirror repo-us declares country "us" \(Kansas City, USA\) but points at host d-hel-fi in "fi" \(expected a host in the declared country\)/,
    );
  });

  it("rejects an enabled mirror with a declared country on a host that declares none", () => {
    assert.match(
      failure((s, w) => {
        const web1 = new Host(s, "web1", {
          zone: w.zone,
          name: "web1",
          machine: existingMachine({ ipv4: "192.0.2.9" }),
        });
        new Mirror(s, "repo-fi", mirrorProps(w, { target: web1, syncedHosts: undefined }));
      }),
      /\/repo-fi: mirror repo-fi declares country "fi" \(Helsinki, Finland\) but points at host web1 in no declared country/,
    );
  });

  it("rejects an enabled mirror on a host outside the sync set", () => {
    assert.match(
      failure((s, w) => new Mirror(s, "repo-fi", mirrorProps(w, { target: w.helsinkiStale }))),
      /\/repo-fi: mirror repo-fi points at host b-hel-fi, which the repository is not synchronised to \(expected one of d-hel-fi, a-fra-de\)/,
    );
  });

  it("only warns about a disabled mirror (Void's repo-us), and still publishes it", () => {
    let mirror: Mirror | undefined;
    const json = synthScope((scope) => {
      const w = world(scope);
      mirror = new Mirror(
        scope,
        "repo-us",
        mirrorProps(w, {
          name: "repo-us",
          country: "us",
          target: w.helsinkiStale,
          location: "Kansas City, USA",
          region: "NA",
          enabled: false,
        }),
      );
    });
    const found = warnings(mirror as Mirror);
    assert.equal(found.length, 2);
    assert.match(
      found[0] ?? "",
      /declares country "us" .* host b-hel-fi in "fi".*disabled, so this is a warning/,
    );
    assert.match(found[1] ?? "", /not synchronised to/);
    assertHasResource(json, "digitalocean_record", { name: "repo-us", value: "b-hel-fi.m.example.org." });
  });

  it("checks name, region and CDN target", () => {
    assert.match(
      failure((s, w) => new Mirror(s, "m", mirrorProps(w, { name: "F I" }))),
      /zone: record name "F I" contains whitespace/,
    );
    assert.match(
      failure((s, w) => new Mirror(s, "m", mirrorProps(w, { name: "repo-fi.example.net." }))),
      /zone: record name "repo-fi.example.net." is outside the zone example.org/,
    );
    assert.match(
      failure((s, w) => new Mirror(s, "m", mirrorProps(w, { name: "@" }))),
      /zone: record "@" CNAME: a CNAME cannot be at the zone apex/,
    );
    const region = "EUROPE" as unknown as MirrorProps["region"];
    assert.match(
      failure((s, w) => new Mirror(s, "m", mirrorProps(w, { region }))),
      /\/m: region "EUROPE" is not a mirror region \(expected one of AF, AN, AS, EU, NA, OC, SA, World\)/,
    );
    assert.match(
      failure(
        (s, w) => new Mirror(s, "m", mirrorProps(w, { name: "repo-cdn", target: "edge.cdn.example.net" })),
      ),
      /\/m: mirror repo-cdn: target "edge.cdn.example.net" is not absolute/,
    );
  });

  it("rejects two mirrors with one name", () => {
    assert.match(
      failure((s, w) => {
        new Mirror(s, "one", mirrorProps(w, {}));
        new Mirror(s, "two", mirrorProps(w, { target: w.frankfurt, country: "de" }));
      }),
      /zone: record "repo-fi" CNAME: a name can hold only one CNAME/,
    );
  });
});
