import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Construct } from "@void-linux/infra-constructs/cdktf";
import { DnsZone } from "@void-linux/infra-constructs/dns";
import { route53Dns } from "@void-linux/infra-constructs/dns/aws";
import { digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { cloudDns } from "@void-linux/infra-constructs/dns/google";
import { existingMachine, Host, type HostProps } from "@void-linux/infra-constructs/host";
import { ec2Instance } from "@void-linux/infra-constructs/host/aws";
import {
  DigitalOceanProject,
  DigitalOceanSshKey,
  DigitalOceanVpc,
  digitalOceanDroplet,
} from "@void-linux/infra-constructs/host/digitalocean";
import { computeInstance } from "@void-linux/infra-constructs/host/google";
import { sshPublicKeyLine } from "@void-linux/infra-constructs/ssh-key";
import { ADOPTION_ESTATE } from "../../../support/estate";
import { fixturePublicKey } from "../../../support/keys";
import { assertHasResource, failureOf, resourcesOf, synthScope } from "../../../support/synth";

// A real key (ssh-keygen): random bytes are not an ed25519 point half of the time, and are refused.
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYGqmD4pk4L/3VJU/l36ySYjOLed51EfzH6Fb99ZJ0A test@example";

/** Void's convention, as its data file holds it: a string, not a RegExp. */
const VOID_NAMING = ADOPTION_ESTATE.hosts.naming;

const doZone = (scope: Construct) =>
  new DnsZone(scope, "zone", { zoneName: "example.org", backend: digitalOceanDns() });

const failure = (build: (scope: Construct, zone: DnsZone) => void) =>
  failureOf((scope) => build(scope, doZone(scope)));

/** An existing host a-hel-fi in `zone`, with `over` changed. */
const props = (zone: DnsZone, over: Partial<HostProps>): HostProps => ({
  zone,
  name: "a-hel-fi",
  machine: existingMachine({ ipv4: "192.0.2.1" }),
  ...over,
});

describe("Host (existing)", () => {
  let host: Host | undefined;
  const json = synthScope((scope) => {
    const zone = doZone(scope);
    host = new Host(scope, "a-hel-fi", {
      zone,
      name: "a-hel-fi",
      subdomain: "m",
      naming: VOID_NAMING,
      machine: existingMachine({ ipv4: "192.0.2.1", ipv6: "2001:db8::1" }),
      roles: ["hashiworker"],
      meshAddress: "192.168.99.100",
      country: "FI",
      site: "hel",
    });
    host.addGuest("vm3", { ipv4: "192.0.2.3" });
  });

  it("exposes its fqdn, and the site and country it declares (the country in lower case)", () => {
    assert.equal(host?.fqdn, "a-hel-fi.m.example.org.");
    assert.equal(host?.recordName, "a-hel-fi.m");
    assert.equal(host?.site, "hel");
    assert.equal(host?.country, "fi");
    assert.equal(host?.hasRole("hashiworker"), true);
    assert.equal(host?.hasRole("mirror"), false);
    assert.equal(host?.meshAddress, "192.168.99.100");
    assert.equal(host?.machine, undefined);
  });

  it("derives its exclusive A and AAAA records, and its guests' records", () => {
    assert.deepEqual(Object.keys(resourcesOf(json, "digitalocean_record")).sort(), [
      "zone_a-hel-fi_m_a",
      "zone_a-hel-fi_m_aaaa",
      "zone_vm3_a-hel-fi_m_a",
    ]);
    assertHasResource(json, "digitalocean_record", {
      name: "a-hel-fi.m",
      type: "AAAA",
      value: "2001:db8::1",
    });
    assertHasResource(json, "digitalocean_record", { name: "vm3.a-hel-fi.m", type: "A", value: "192.0.2.3" });
  });

  it("keeps a host's record id when its address changes", () => {
    const ids = (ipv4: string) =>
      resourcesOf(
        synthScope((scope) => {
          new Host(scope, "web1", { zone: doZone(scope), name: "web1", machine: existingMachine({ ipv4 }) });
        }),
        "digitalocean_record",
      );
    const before = ids("192.0.2.1");
    const after = ids("192.0.2.2");
    assert.deepEqual(Object.keys(before), ["zone_web1_a"]);
    assert.deepEqual(Object.keys(after), ["zone_web1_a"]);
    assert.equal(after.zone_web1_a?.value, "192.0.2.2");
  });

  it("gives a guest its parent's site and country", () => {
    let guest: Host | undefined;
    synthScope((scope) => {
      const parent = new Host(scope, "b-lej-de", {
        zone: doZone(scope),
        name: "b-lej-de",
        naming: VOID_NAMING,
        machine: existingMachine({ ipv4: "192.0.2.1" }),
        country: "de",
        site: "lej",
      });
      guest = parent.addGuest("vm1", { ipv6: "2001:db8::5", roles: ["builder"] });
    });
    assert.equal(guest?.name, "vm1.b-lej-de");
    assert.equal(guest?.fqdn, "vm1.b-lej-de.example.org.");
    assert.equal(guest?.site, "lej");
    assert.equal(guest?.country, "de");
    assert.equal(guest?.ipv4, undefined);
    assert.deepEqual(guest?.roles, ["builder"]);
  });
});

describe("Host created by Terraform", () => {
  it("on DigitalOcean: droplet in the VPC with SSH keys and project, A record from its address", () => {
    const json = synthScope((scope) => {
      const zone = doZone(scope);
      const vpc = new DigitalOceanVpc(scope, "vpc", { name: "prod", region: "sfo3", ipRange: "10.0.0.0/24" });
      const key = new DigitalOceanSshKey(scope, "key", { name: "ops", publicKey: KEY });
      const project = new DigitalOceanProject(scope, "project", { name: "Prod", environment: "Production" });
      new Host(scope, "a-sfo3-us", {
        zone,
        name: "a-sfo3-us",
        subdomain: "m",
        naming: VOID_NAMING,
        machine: digitalOceanDroplet({
          region: "sfo3",
          size: "s-1vcpu-1gb",
          image: { name: "custom-image" },
          vpc,
          sshKeys: [key],
          project,
          ipv6: true,
        }),
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
      records["zone_a-sfo3-us_m_a"]?.value,
      "${digitalocean_droplet.droplet_a-sfo3-us.ipv4_address}",
    );
    assert.equal(
      records["zone_a-sfo3-us_m_aaaa"]?.value,
      "${digitalocean_droplet.droplet_a-sfo3-us.ipv6_address}",
    );
    assertHasResource(json, "digitalocean_project", {
      name: "Prod",
      environment: "Production",
      is_default: false,
    });
    assertHasResource(json, "digitalocean_project_resources", {
      project: "${digitalocean_project.project_prod.id}",
      resources: ["${digitalocean_droplet.droplet_a-sfo3-us.urn}"],
    });
  });

  it("on DigitalOcean: exposes the droplet, VPC, key and project resources", () => {
    let host: Host | undefined;
    let vpc: DigitalOceanVpc | undefined;
    let key: DigitalOceanSshKey | undefined;
    let project: DigitalOceanProject | undefined;
    synthScope((scope) => {
      vpc = new DigitalOceanVpc(scope, "vpc", { name: "prod", region: "ams3" });
      key = new DigitalOceanSshKey(scope, "key", { name: "ops", publicKey: KEY });
      project = new DigitalOceanProject(scope, "project", { name: "Prod" });
      host = new Host(scope, "web1", {
        zone: doZone(scope),
        name: "web1",
        machine: digitalOceanDroplet({
          region: "ams3",
          size: "s-1vcpu-1gb",
          image: { slug: "debian-12-x64" },
          vpc,
          sshKeys: [key],
          project,
        }),
      });
    });
    assert.equal(host?.machine?.terraformResourceType, "digitalocean_droplet");
    assert.equal(host?.machine?.friendlyUniqueId, "droplet_web1");
    assert.equal(vpc?.resource.friendlyUniqueId, "vpc_prod");
    assert.equal(vpc?.region, "ams3");
    assert.equal(key?.name, "ops");
    assert.equal(key?.resource.friendlyUniqueId, "ssh_key_ops");
    assert.equal(project?.project.friendlyUniqueId, "project_prod");
    assert.equal(project?.members.friendlyUniqueId, "project_resources_prod");
  });

  it("on DigitalOcean: writes ipv6 false explicitly and publishes no AAAA by default", () => {
    let host: Host | undefined;
    const json = synthScope((scope) => {
      host = new Host(scope, "web1", {
        zone: doZone(scope),
        name: "web1",
        machine: digitalOceanDroplet({
          region: "ams3",
          size: "s-1vcpu-1gb",
          image: { slug: "debian-12-x64" },
        }),
      });
    });
    assertHasResource(json, "digitalocean_droplet", {
      name: "web1.example.org",
      image: "debian-12-x64",
      ipv6: false,
    });
    assert.equal(host?.ipv6, undefined);
    assert.deepEqual(Object.keys(resourcesOf(json, "digitalocean_record")), ["zone_web1_a"]);
  });

  it("on DigitalOcean: droplets share one lookup of a custom image", () => {
    const json = synthScope((scope) => {
      const zone = doZone(scope);
      for (const name of ["web1", "web2"]) {
        new Host(scope, name, {
          zone,
          name,
          machine: digitalOceanDroplet({ region: "ams3", size: "s-1vcpu-1gb", image: { name: "void-2025" } }),
        });
      }
    });
    const stack = JSON.parse(json) as { data?: Record<string, Record<string, unknown>> };
    assert.deepEqual(Object.keys(stack.data?.digitalocean_image ?? {}), ["image_void-2025"]);
    assert.equal(Object.keys(resourcesOf(json, "digitalocean_droplet")).length, 2);
  });

  it("on Google Compute Engine: instance with an external address, records in a Cloud DNS zone", () => {
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: cloudDns() });
      new Host(scope, "a-hel-fi", {
        zone,
        name: "a-hel-fi",
        machine: computeInstance({
          zone: "europe-north1-a",
          machineType: "e2-small",
          image: "debian-cloud/debian-12",
          ipv6: true,
        }),
      });
    });
    assertHasResource(json, "google_compute_instance", {
      name: "a-hel-fi",
      zone: "europe-north1-a",
      machine_type: "e2-small",
      boot_disk: { initialize_params: { image: "debian-cloud/debian-12" } },
    });
    const sets = resourcesOf(json, "google_dns_record_set");
    assert.deepEqual(sets["zone_a-hel-fi_a"]?.rrdatas, [
      "${google_compute_instance.instance_a-hel-fi.network_interface[0].access_config[0].nat_ip}",
    ]);
    assert.deepEqual(sets["zone_a-hel-fi_aaaa"]?.rrdatas, [
      "${google_compute_instance.instance_a-hel-fi.network_interface[0].ipv6_access_config[0].external_ipv6}",
    ]);
  });

  it("on AWS EC2: instance with a public address, records in Route53", () => {
    const json = synthScope((scope) => {
      const zone = new DnsZone(scope, "zone", { zoneName: "example.org", backend: route53Dns() });
      new Host(scope, "a-iad-us", {
        zone,
        name: "a-iad-us",
        machine: ec2Instance({ ami: "ami-0123456789abcdef0", instanceType: "t3.small", ipv6: true }),
      });
    });
    assertHasResource(json, "aws_instance", {
      ami: "ami-0123456789abcdef0",
      instance_type: "t3.small",
      ipv6_address_count: 1,
      tags: { Name: "a-iad-us.example.org" },
    });
    const sets = resourcesOf(json, "aws_route53_record");
    assert.deepEqual(sets["zone_a-iad-us_a"]?.records, ["${aws_instance.instance_a-iad-us.public_ip}"]);
    assert.deepEqual(sets["zone_a-iad-us_aaaa"]?.records, [
      "${element(aws_instance.instance_a-iad-us.ipv6_addresses, 0)}",
    ]);
  });
});

describe("Host naming", () => {
  it("accepts any DNS label when no convention is given", () => {
    let host: Host | undefined;
    const json = synthScope((scope) => {
      host = new Host(scope, "web1", props(doZone(scope), { name: "web1" }));
    });
    assert.equal(host?.name, "web1");
    assert.equal(host?.fqdn, "web1.example.org.");
    assert.equal(host?.site, undefined);
    assert.equal(host?.country, undefined);
    assertHasResource(json, "digitalocean_record", { name: "web1", type: "A", value: "192.0.2.1" });
  });

  it("refuses a name that is not a DNS label when no convention is given", () => {
    for (const name of ["Web1", "web_1", "-web", "web-"]) {
      assert.match(
        failure((s, zone) => new Host(s, "h", props(zone, { name }))),
        new RegExp(
          `/h: host name "${name}" does not follow the naming convention \\(expected a lower-case DNS label`,
        ),
      );
    }
  });

  it("accepts a custom convention", () => {
    const json = synthScope((scope) => {
      const naming = { pattern: /^web\d+$/, description: "web<n>, e.g. web1" };
      new Host(scope, "web12", props(doZone(scope), { name: "web12", naming }));
    });
    assertHasResource(json, "digitalocean_record", { name: "web12", type: "A" });
  });

  it("reads no site or country from a name, whatever its convention captures: they are declared", () => {
    let encoded: Host | undefined;
    let declared: Host | undefined;
    synthScope((scope) => {
      const zone = doZone(scope);
      encoded = new Host(scope, "c-sfo3-us", props(zone, { name: "c-sfo3-us", naming: VOID_NAMING }));
      declared = new Host(scope, "web7", props(zone, { name: "web7", country: "us", site: "sfo3" }));
    });
    assert.deepEqual([encoded?.site, encoded?.country], [undefined, undefined]);
    assert.deepEqual([declared?.site, declared?.country], ["sfo3", "us"]);
  });

  it("refuses a country that is not an ISO 3166-1 alpha-2 code", () => {
    for (const country of ["fin", "f", "1a", ""]) {
      assert.match(
        failure((s, zone) => new Host(s, "h", props(zone, { name: "web1", country }))),
        new RegExp(
          `/h: country "${country}" is not an ISO 3166-1 alpha-2 code \\(expected two letters, e.g. fi\\)`,
        ),
      );
    }
  });

  it("accepts a dotted name under a RegExp convention", () => {
    const json = synthScope((scope) => {
      const naming = { pattern: /^[a-z]+\d+\.[a-z]{2}$/, description: "<site><n>.<cc>" };
      new Host(scope, "web1", props(doZone(scope), { name: "web1.de", naming }));
    });
    assertHasResource(json, "digitalocean_record", { name: "web1.de", type: "A" });
  });

  it("refuses a name that breaks the given convention, naming the convention's description", () => {
    assert.match(
      failure((s, zone) => new Host(s, "web1", props(zone, { name: "web1", naming: VOID_NAMING }))),
      /\/web1: host name "web1" does not follow the naming convention \(expected <letter>-<site>-<cc>, e.g. a-hel-fi\)/,
    );
    assert.match(
      failure((s, zone) => new Host(s, "h", props(zone, { name: "a-hel-finland", naming: VOID_NAMING }))),
      /\/h: host name "a-hel-finland" does not follow the naming convention \(expected <letter>-<site>-<cc>/,
    );
    assert.match(
      failure(
        (s, zone) =>
          new Host(
            s,
            "h",
            props(zone, { name: "db1", naming: { pattern: /^web\d+$/, description: "web<n>" } }),
          ),
      ),
      /\/h: host name "db1" does not follow the naming convention \(expected web<n>\)/,
    );
  });
});

describe("Host validation", () => {
  it("checks address syntax", () => {
    assert.match(
      failure(
        (s, zone) => new Host(s, "h", props(zone, { machine: existingMachine({ ipv4: "300.1.1.1" }) })),
      ),
      /\/h: ipv4: "300.1.1.1" is not an IPv4 address/,
    );
    assert.match(
      failure(
        (s, zone) =>
          new Host(
            s,
            "h",
            props(zone, { machine: existingMachine({ ipv4: "192.0.2.1", ipv6: "fe80::1%eth0" }) }),
          ),
      ),
      /\/h: ipv6: "fe80::1%eth0" is not an IPv6 address/,
    );
    assert.match(
      failure((s, zone) => new Host(s, "h", props(zone, { meshAddress: "192.168.99" }))),
      /\/h: meshAddress "192.168.99" is not an IPv4 or IPv6 address/,
    );
    assert.match(
      failure((s, zone) => new Host(s, "h", props(zone, { machine: existingMachine({}) }))),
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
      failure((s) => new DigitalOceanVpc(s, "vpc", { name: "prod", region: "nyc3", ipRange: "10.0.0.0" })),
      /\/vpc: ipRange "10.0.0.0" is not an IPv4 CIDR block/,
    );
    assert.match(
      failure((s, zone) => {
        const vpc = new DigitalOceanVpc(s, "vpc", { name: "prod", region: "nyc3" });
        new Host(s, "h", {
          zone,
          name: "a-sfo3-us",
          machine: digitalOceanDroplet({
            region: "sfo3",
            size: "s-1vcpu-1gb",
            image: { slug: "debian-12-x64" },
            vpc,
          }),
        });
      }),
      /\/h: droplet region sfo3 differs from its VPC's region nyc3/,
    );
  });

  it("refuses an RSA key below 3072 bits unless minRsaBits lets an older key in", () => {
    const rsa2048 = sshPublicKeyLine(fixturePublicKey("rsa-2048"));
    assert.match(
      failure((s) => new DigitalOceanSshKey(s, "key", { name: "old", publicKey: rsa2048 })),
      /\/key: publicKey of old is an RSA key of 2048 bits, too weak \(expected ed25519, ecdsa, or RSA of at least 3072 bits\)/,
    );
    const json = synthScope((scope) => {
      new DigitalOceanSshKey(scope, "key", { name: "old", publicKey: rsa2048, minRsaBits: 2048 });
    });
    assertHasResource(json, "digitalocean_ssh_key", { name: "old", public_key: rsa2048 });
  });

  it("rejects two hosts that would share records", () => {
    assert.match(
      failure((s, zone) => {
        new Host(s, "one", props(zone, {}));
        new Host(s, "two", props(zone, {}));
      }),
      /zone: record "a-hel-fi" A: duplicate record 192.0.2.1/,
    );
    assert.match(
      failure((s, zone) => {
        new Host(s, "one", props(zone, {}));
        new Host(s, "two", props(zone, { machine: existingMachine({ ipv4: "192.0.2.2" }) }));
      }),
      /zone: record "a-hel-fi" A: the set is exclusive and already holds 192.0.2.1/,
    );
  });
});
