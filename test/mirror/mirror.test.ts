import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IConstruct } from "constructs";
import type { Construct } from "../../constructs/cdktf";
import { DnsZone } from "../../constructs/dns";
import { Host } from "../../constructs/host";
import { Mirror, type MirrorProps } from "../../constructs/mirror";
import { assertHasResource, failureOf, synthScope } from "../support/synth";

/** cdktf annotation warnings attached to `construct`. */
function warnings(construct: IConstruct): string[] {
  return construct.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
}

interface World {
  zone: DnsZone;
  helsinki: Host;
  helsinkiStale: Host;
  frankfurt: Host;
}

function world(scope: Construct): World {
  const zone = new DnsZone(scope, "zone", { zoneName: "example.org" });
  const host = (name: string, ipv4: string) =>
    new Host(scope, name, { zone, name, subdomain: "m", provider: { kind: "existing", ipv4 } });
  return {
    zone,
    helsinki: host("d-hel-fi", "192.0.2.4"),
    helsinkiStale: host("b-hel-fi", "192.0.2.2"),
    frankfurt: host("a-fra-de", "192.0.2.5"),
  };
}

function mirrorProps(w: World, over: Partial<MirrorProps>): MirrorProps {
  return {
    zone: w.zone,
    code: "fi",
    target: w.helsinki,
    region: "EU",
    location: "Helsinki, Finland",
    enabled: true,
    syncedHosts: [w.helsinki, w.frankfurt],
    ...over,
  };
}

const failure = (build: (scope: Construct, w: World) => void) =>
  failureOf((scope) => build(scope, world(scope)));

describe("Mirror", () => {
  it("publishes repo-<code> as a CNAME to its host, with aliases", () => {
    let mirror: Mirror | undefined;
    const json = synthScope((scope) => {
      const w = world(scope);
      mirror = new Mirror(scope, "repo-fi", mirrorProps(w, {})).addAlias("repo-default");
    });
    assert.equal(mirror?.baseUrl, "https://repo-fi.example.org/");
    assert.equal(mirror?.country, "fi");
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

  it("points at a CDN name without country checks", () => {
    const json = synthScope((scope) => {
      const w = world(scope);
      new Mirror(
        scope,
        "repo-cdn",
        mirrorProps(w, { code: "cdn", target: "edge.cdn.example.net.", region: "World" }),
      );
    });
    assertHasResource(json, "digitalocean_record", { name: "repo-cdn", value: "edge.cdn.example.net." });
  });

  it("rejects an enabled mirror whose host is in another country than declared", () => {
    assert.match(
      failure(
        (s, w) => new Mirror(s, "repo-us", mirrorProps(w, { code: "us", location: "Kansas City, USA" })),
      ),
      /\/repo-us: mirror repo-us declares country "us" \(Kansas City, USA\) but points at host d-hel-fi in "fi" \(expected a host in the declared country\)/,
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
          code: "us",
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

  it("checks code, region and CDN target", () => {
    assert.match(
      failure((s, w) => new Mirror(s, "m", mirrorProps(w, { code: "F I" }))),
      /\/m: mirror code "F I" is not valid/,
    );
    const region = "EUROPE" as unknown as MirrorProps["region"];
    assert.match(
      failure((s, w) => new Mirror(s, "m", mirrorProps(w, { region }))),
      /region "EUROPE" is not a mirror region/,
    );
    assert.match(
      failure((s, w) => new Mirror(s, "m", mirrorProps(w, { code: "cdn", target: "edge.cdn.example.net" }))),
      /\/m: mirror repo-cdn: target "edge.cdn.example.net" is not absolute/,
    );
  });
});
