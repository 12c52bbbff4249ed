import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Construct } from "../../constructs/cdktf";
import { DnsZone } from "../../constructs/dns";
import {
  DigitalOceanProject,
  DigitalOceanSshKey,
  DigitalOceanVpc,
  Host,
  type HostMachine,
  type HostProps,
} from "../../constructs/host";
import { assertHasResource, failureOf, resourcesOf, synthScope } from "../support/synth";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIZsgTHgBuGvPUKpUvUqRKX0xlzgLyCWq3PaMv3jL5yB test@example";

const failure = (build: (scope: Construct, zone: DnsZone) => void) =>
  failureOf((scope) => build(scope, new DnsZone(scope, "zone", { zoneName: "example.org" })));

const existing = (ipv4?: string, ipv6?: string): HostMachine => ({ kind: "existing", ipv4, ipv6 });

describe("Host (existing)", () => {
  let host: Host | undefined;
  const json = synthScope((scope) => {
    const zone = new DnsZone(scope, "zone", { zoneName: "example.org" });
    host = new Host(scope, "a-hel-fi", {
      zone,
      name: "a-hel-fi",
      subdomain: "m",
      provider: existing("192.0.2.1", "2001:db8::1"),
      roles: ["hashiworker"],
      meshAddress: "192.168.99.100",
    });
    host.addGuest("vm3", { ipv4: "192.0.2.3" });
  });

  it("parses the name and exposes its fqdn", () => {
    assert.equal(host?.fqdn, "a-hel-fi.m.example.org.");
    assert.equal(host?.site, "hel");
    assert.equal(host?.countryCode, "fi");
    assert.equal(host?.hasRole("hashiworker"), true);
    assert.equal(host?.machine, undefined);
  });

  it("derives its A and AAAA records, and its guests' records", () => {
    assert.deepEqual(Object.keys(resourcesOf(json, "digitalocean_record")).sort(), [
      "record_a-hel-fi_m_a",
      "record_a-hel-fi_m_aaaa",
      "record_vm3_a-hel-fi_m_a",
    ]);
    assertHasResource(json, "digitalocean_record", {
      name: "a-hel-fi.m",
      type: "AAAA",
      value: "2001:db8::1",
    });
    assertHasResource(json, "digitalocean_record", { name: "vm3.a-hel-fi.m", type: "A", value: "192.0.2.3" });
  });
});

describe("Host created by Terraform", () => {
  it("on DigitalOcean: droplet in the VPC with SSH keys and project, A record from its address", () => {
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org" });
      const vpc = new DigitalOceanVpc(scope, "vpc", { name: "prod", region: "sfo3", ipRange: "10.0.0.0/24" });
      const key = new DigitalOceanSshKey(scope, "key", { name: "ops", publicKey: KEY });
      const project = new DigitalOceanProject(scope, "project", { name: "Prod", environment: "Production" });
      new Host(scope, "a-sfo3-us", {
        zone,
        name: "a-sfo3-us",
        subdomain: "m",
        provider: {
          kind: "digitalocean",
          region: "sfo3",
          size: "s-1vcpu-1gb",
          image: { name: "custom-image" },
          vpc,
          sshKeys: [key],
          project,
          ipv6: true,
        },
      });
    });
    assertHasResource(json, "digitalocean_droplet", {
      name: "a-sfo3-us.m.example.org",
      region: "sfo3",
      size: "s-1vcpu-1gb",
      image: "${data.digitalocean_image.image_custom-image.id}",
      vpc_uuid: "${digitalocean_vpc.vpc_prod.id}",
      ssh_keys: ["${digitalocean_ssh_key.ssh_key_ops.fingerprint}"],
      ipv6: true,
    });
    const records = resourcesOf(json, "digitalocean_record");
    assert.equal(
      records["record_a-sfo3-us_m_a"]?.value,
      "${digitalocean_droplet.droplet_a-sfo3-us.ipv4_address}",
    );
    assert.equal(
      records["record_a-sfo3-us_m_aaaa"]?.value,
      "${digitalocean_droplet.droplet_a-sfo3-us.ipv6_address}",
    );
    assertHasResource(json, "digitalocean_project_resources", {
      project: "${digitalocean_project.project_prod.id}",
      resources: ["${digitalocean_droplet.droplet_a-sfo3-us.urn}"],
    });
  });

  it("on Google Compute Engine: instance with an external address, records in a Cloud DNS zone", () => {
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", provider: { kind: "google" } });
      new Host(scope, "a-hel-fi", {
        zone,
        name: "a-hel-fi",
        provider: {
          kind: "google",
          zone: "europe-north1-a",
          machineType: "e2-small",
          image: "debian-cloud/debian-12",
          ipv6: true,
        },
      });
    });
    assertHasResource(json, "google_compute_instance", {
      name: "a-hel-fi",
      zone: "europe-north1-a",
      machine_type: "e2-small",
      boot_disk: { initialize_params: { image: "debian-cloud/debian-12" } },
    });
    const sets = resourcesOf(json, "google_dns_record_set");
    assert.deepEqual(sets["record_a-hel-fi_a"]?.rrdatas, [
      "${google_compute_instance.instance_a-hel-fi.network_interface[0].access_config[0].nat_ip}",
    ]);
    assert.deepEqual(sets["record_a-hel-fi_aaaa"]?.rrdatas, [
      "${google_compute_instance.instance_a-hel-fi.network_interface[0].ipv6_access_config[0].external_ipv6}",
    ]);
  });

  it("on AWS EC2: instance with a public address, records in Route53", () => {
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", provider: { kind: "route53" } });
      new Host(scope, "a-iad-us", {
        zone,
        name: "a-iad-us",
        provider: { kind: "aws", ami: "ami-0123456789abcdef0", instanceType: "t3.small", ipv6: true },
      });
    });
    assertHasResource(json, "aws_instance", {
      ami: "ami-0123456789abcdef0",
      instance_type: "t3.small",
      ipv6_address_count: 1,
      tags: { Name: "a-iad-us.example.org" },
    });
    const sets = resourcesOf(json, "aws_route53_record");
    assert.deepEqual(sets["record_a-iad-us_a"]?.records, ["${aws_instance.instance_a-iad-us.public_ip}"]);
    assert.deepEqual(sets["record_a-iad-us_aaaa"]?.records, [
      "${element(aws_instance.instance_a-iad-us.ipv6_addresses, 0)}",
    ]);
  });
});

describe("Host validation", () => {
  const props = (zone: DnsZone, over: Partial<HostProps>): HostProps => ({
    zone,
    name: "a-hel-fi",
    provider: existing("192.0.2.1"),
    ...over,
  });

  it("enforces the naming convention, and accepts another one", () => {
    assert.match(
      failure((s, zone) => new Host(s, "web1", props(zone, { name: "web1" }))),
      /\/web1: host name "web1" does not follow the naming convention \(expected <letter>-<site>-<cc>, e.g. a-hel-fi\)/,
    );
    assert.match(
      failure((s, zone) => new Host(s, "h", props(zone, { name: "a-hel-finland" }))),
      /does not follow the naming convention/,
    );
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org" });
      const naming = {
        pattern: /^(?<site>[a-z]+)(?<n>\d+)\.(?<cc>[a-z]{2})$/,
        description: "<site><n>.<cc>",
      };
      const host = new Host(scope, "web1", props(zone, { name: "web1.de", naming }));
      assert.equal(host.countryCode, "de");
    });
    assertHasResource(json, "digitalocean_record", { name: "web1.de", type: "A" });
  });

  it("checks address syntax", () => {
    assert.match(
      failure((s, zone) => new Host(s, "h", props(zone, { provider: existing("300.1.1.1") }))),
      /\/h: ipv4: "300.1.1.1" is not an IPv4 address/,
    );
    assert.match(
      failure(
        (s, zone) => new Host(s, "h", props(zone, { provider: existing("192.0.2.1", "fe80::1%eth0") })),
      ),
      /\/h: ipv6: "fe80::1%eth0" is not an IPv6 address/,
    );
    assert.match(
      failure((s, zone) => new Host(s, "h", props(zone, { meshAddress: "192.168.99" }))),
      /\/h: meshAddress "192.168.99" is not an IPv4 or IPv6 address/,
    );
    assert.match(
      failure((s, zone) => new Host(s, "h", props(zone, { provider: existing() }))),
      /\/h: host a-hel-fi has no address/,
    );
  });

  it("checks guests, SSH keys and the droplet's VPC region", () => {
    assert.match(
      failure((s, zone) => new Host(s, "h", props(zone, {})).addGuest("VM_3", { ipv4: "192.0.2.3" })),
      /guest label "VM_3" is not valid/,
    );
    assert.match(
      failure((s) => new DigitalOceanSshKey(s, "key", { name: "ops", publicKey: "ssh-rsa not-base64" })),
      /\/key: publicKey of ops is not an OpenSSH public key/,
    );
    assert.match(
      failure((s, zone) => {
        const vpc = new DigitalOceanVpc(s, "vpc", { name: "prod", region: "nyc3" });
        new Host(s, "h", {
          zone,
          name: "a-sfo3-us",
          provider: {
            kind: "digitalocean",
            region: "sfo3",
            size: "s-1vcpu-1gb",
            image: { slug: "debian-12-x64" },
            vpc,
          },
        });
      }),
      /\/h: droplet region sfo3 differs from its VPC's region nyc3/,
    );
  });

  it("rejects two hosts that would share records", () => {
    assert.match(
      failure((s, zone) => {
        new Host(s, "one", props(zone, {}));
        new Host(s, "two", props(zone, {}));
      }),
      /zone: record "a-hel-fi" A: duplicate record 192.0.2.1/,
    );
  });
});
