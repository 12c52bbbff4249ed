/** A machine provider the library does not know, written as a MachineFactory, needs no edit of Host. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Construct, TerraformResource } from "@void-linux/infra-constructs/cdktf";
import { DnsZone } from "@void-linux/infra-constructs/dns";
import { route53Dns } from "@void-linux/infra-constructs/dns/aws";
import { digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { Host, type MachineContext, type MachineFactory } from "@void-linux/infra-constructs/host";
import { claimLogicalId } from "@void-linux/infra-constructs/terraform";
import { assertHasResource, failureOf, resourcesOf, synthScope } from "../../../support/synth";

/** A minimal hand-written binding of a server resource from a provider this library has no factory for. */
class HcloudServer extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: { name: string; serverType: string; location: string },
  ) {
    super(scope, id, { terraformResourceType: "hcloud_server" });
  }

  get ipv4Address(): string {
    return this.getStringAttribute("ipv4_address");
  }

  get ipv6Address(): string {
    return this.getStringAttribute("ipv6_address");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      name: this.config.name,
      server_type: this.config.serverType,
      location: this.config.location,
    };
  }
}

/** The user's factory: an Hetzner Cloud server named after the host, its addresses as references. */
function hcloudServer(
  props: { serverType: string; location: string },
  seen: MachineContext[] = [],
): MachineFactory {
  return (context) => {
    seen.push(context);
    const server = new HcloudServer(context.scope, "server", {
      name: context.name,
      serverType: props.serverType,
      location: props.location,
    });
    claimLogicalId(server, `server_${context.name}`);
    return { resource: server, ipv4: server.ipv4Address, ipv6: server.ipv6Address };
  };
}

describe("a machine factory written outside the library", () => {
  it("creates the machine in the host's scope, and the host publishes its addresses", () => {
    const seen: MachineContext[] = [];
    let host: Host | undefined;
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });
      host = new Host(scope, "web1", {
        zone,
        name: "web1",
        subdomain: "m",
        machine: hcloudServer({ serverType: "cx22", location: "hel1" }, seen),
      });
    });
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.scope, host);
    assert.equal(seen[0]?.name, "web1");
    assert.equal(seen[0]?.fqdn, "web1.m.example.org.");
    assert.equal(host?.machine?.terraformResourceType, "hcloud_server");
    assert.deepEqual(resourcesOf(json, "hcloud_server"), {
      server_web1: { name: "web1", server_type: "cx22", location: "hel1" },
    });
    assertHasResource(json, "digitalocean_record", {
      name: "web1.m",
      type: "A",
      value: "${hcloud_server.server_web1.ipv4_address}",
    });
    assertHasResource(json, "digitalocean_record", {
      name: "web1.m",
      type: "AAAA",
      value: "${hcloud_server.server_web1.ipv6_address}",
    });
  });

  it("works with any zone backend", () => {
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: route53Dns() });
      new Host(scope, "web1", {
        zone,
        name: "web1",
        machine: hcloudServer({ serverType: "cx22", location: "fsn1" }),
      });
    });
    assert.deepEqual(resourcesOf(json, "aws_route53_record").zone_web1_a?.records, [
      "${hcloud_server.server_web1.ipv4_address}",
    ]);
  });

  it("is checked like any machine: literal addresses must be valid, and one is needed", () => {
    const zoneIn = (scope: Construct) =>
      new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });
    assert.match(
      failureOf((scope) => {
        new Host(scope, "web1", {
          zone: zoneIn(scope),
          name: "web1",
          machine: () => ({ ipv4: "192.0.2.256" }),
        });
      }),
      /stack\/web1: ipv4: "192.0.2.256" is not an IPv4 address/,
    );
    assert.match(
      failureOf((scope) => {
        new Host(scope, "web1", { zone: zoneIn(scope), name: "web1", machine: () => ({}) });
      }),
      /stack\/web1: host web1 has no address/,
    );
  });
});
