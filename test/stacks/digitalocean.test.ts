import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Testing } from "@void-linux/infra-constructs/cdktf";
import { compareText } from "@void-linux/infra-constructs/core";
import { proxiedServicesJson } from "../../app/artifacts/services";
import { stateBackendFromEnv } from "../../app/backend";
import type { MirrorEntry } from "../../inputs/mirrors";
import { DigitalOceanStack } from "../../stacks/digitalocean";
import { ADOPTION_ESTATE, adoptionInputs } from "../support/app";
import { readEstate } from "../support/estate";
import { parse, resourcesOf, type StackJson, testApp } from "../support/synth";

const MIRROR_LIST = adoptionInputs().mirrors;

/** The stack from the adoption estate; `mirrorList` and `env` vary one input. */
function synth(
  mirrorList: readonly MirrorEntry[] = MIRROR_LIST,
  env: NodeJS.ProcessEnv = {},
): { stack: DigitalOceanStack; json: StackJson } {
  const { dns, hosts, services, fastly, state } = ADOPTION_ESTATE;
  const stack = new DigitalOceanStack(testApp(), "digitalocean", {
    dns,
    hosts,
    services,
    cdn: fastly,
    mirrorList,
    state: { key: "prod/digitalocean", backend: stateBackendFromEnv(env, state.httpBaseUrl) },
  });
  return { stack, json: parse(Testing.synth(stack)) };
}

const estate = readEstate();
const { stack, json } = synth();
const records = resourcesOf(json, "digitalocean_record");

/** `ref:<type>(<name attribute>).<attribute>` for a `${type.id.attr}` interpolation, else the literal. */
function synthValue(value: string): string {
  const ref = /^\$\{(\w+)\.([\w-]+)\.(\w+)\}$/.exec(value);
  if (!ref) return value;
  const [, type, id, attribute] = ref as unknown as [string, string, string, string];
  const target = resourcesOf(json, type)[id];
  assert.ok(target, `${value} refers to a resource the stack does not hold`);
  return `ref:${type}(${target.name}).${attribute}`;
}

function estateValue(value: string | { ref: string }): string {
  if (typeof value === "string") return value;
  const [type, id, attribute] = value.ref.split(".") as [string, string, string];
  const droplet = estate.digitalocean.droplets.find(
    (d: { address: string }) => d.address === `${type}.${id}`,
  );
  assert.ok(droplet, `estate ref ${value.ref} names no droplet`);
  return `ref:${type}(${droplet.name}).${attribute}`;
}

const tuple = (name: string, type: string, value: string, priority: unknown) =>
  JSON.stringify([name, type, value, priority ?? null]);

describe("digitalocean stack from the adoption estate: DNS fidelity", () => {
  it("holds exactly the 66 record instances of void-estate.json (relative name, type, value, priority)", () => {
    const expected = estate.dns.records
      .map((r: { relativeName: string; type: string; value: string | { ref: string }; priority?: number }) =>
        tuple(r.relativeName, r.type, estateValue(r.value), r.priority),
      )
      .sort();
    const actual = Object.values(records)
      .map((r) => tuple(r.name as string, r.type as string, synthValue(r.value as string), r.priority))
      .sort();
    assert.equal(expected.length, 66);
    assert.deepEqual(actual, expected);
  });

  it("fixes the DKIM name and uses one name form everywhere", () => {
    const dkim = Object.values(records).filter((r) => String(r.value).startsWith("v=DKIM1"));
    assert.deepEqual(
      dkim.map((r) => r.name),
      ["default._domainkey"],
    );
    for (const record of Object.values(records)) {
      const name = record.name as string;
      assert.ok(!name.endsWith(".") && !name.endsWith("voidlinux.org"), `${name} is not relative`);
      assert.equal(record.domain, "${digitalocean_domain.zone_voidlinux_org.name}");
      assert.equal(record.ttl, undefined, "no record sets a TTL");
    }
  });

  it("derives the droplet's A record from the droplet, not a literal", () => {
    assert.equal(
      records["zone_a-sfo3-us_m_a"]?.value,
      "${digitalocean_droplet.droplet_a-sfo3-us.ipv4_address}",
    );
  });

  it("publishes the Fastly front's traffic CNAME as the repo-fastly mirror record", () => {
    assert.deepEqual(
      { name: records["zone_repo-fastly_cname"]?.name, value: records["zone_repo-fastly_cname"]?.value },
      { name: "repo-fastly", value: ADOPTION_ESTATE.fastly.edgeTarget },
    );
  });

  it("synthesizes identically twice", () => {
    assert.deepEqual(synth().json, json);
  });
});

describe("digitalocean stack: machine resources", () => {
  const one = (type: string) => {
    const all = Object.values(resourcesOf(json, type));
    assert.equal(all.length, 1, `expected one ${type}`);
    return all[0] as Record<string, unknown>;
  };
  const [droplet] = estate.digitalocean.droplets;
  const [vpc] = estate.digitalocean.vpcs;
  const [key] = estate.digitalocean.sshKeys;
  const [bucket] = estate.digitalocean.spacesBuckets;
  const [project] = estate.digitalocean.projects;

  it("holds the droplet a-sfo3-us in the VPC with the SSH key and the custom image", () => {
    assert.deepEqual(one("digitalocean_droplet"), {
      name: droplet.name,
      region: droplet.region,
      size: droplet.size,
      image: "${data.digitalocean_image.image_void-linux-20200730rc1.id}",
      vpc_uuid: "${digitalocean_vpc.vpc_void-prod.id}",
      ssh_keys: ["${digitalocean_ssh_key.ssh_key_maldridge1.fingerprint}"],
      // Written out: provider 2.71 replaces a droplet whose IPv6 is turned off (docs/adoption.md).
      ipv6: false,
    });
    assert.deepEqual(json.data?.digitalocean_image, {
      "image_void-linux-20200730rc1": { name: droplet.imageName },
    });
    assert.deepEqual(one("digitalocean_vpc"), { name: vpc.name, region: vpc.region, ip_range: vpc.ipRange });
    assert.deepEqual(one("digitalocean_ssh_key"), { name: key.name, public_key: key.publicKey });
  });

  it("holds the Spaces bucket and the project with its three resources", () => {
    assert.deepEqual(one("digitalocean_spaces_bucket"), { name: bucket.name, region: bucket.region });
    assert.deepEqual(one("digitalocean_project"), {
      name: project.name,
      description: project.description,
      purpose: project.purpose,
      environment: project.environment,
      // Written out: provider 2.71 sends is_default on every update (docs/adoption.md).
      is_default: false,
    });
    assert.deepEqual(one("digitalocean_project_resources"), {
      project: "${digitalocean_project.project_production.id}",
      resources: [
        "${digitalocean_spaces_bucket.spaces_bucket_void-prod-s3-images.urn}",
        "${digitalocean_droplet.droplet_a-sfo3-us.urn}",
        "${digitalocean_domain.zone_voidlinux_org.urn}",
      ],
    });
    assert.deepEqual(one("digitalocean_domain"), { name: "voidlinux.org" });
  });

  it("has 74 resource instances and one data source, like the do root", () => {
    const count = Object.values(json.resource ?? {}).reduce((n, byId) => n + Object.keys(byId).length, 0);
    assert.equal(count, estate.roots.find((r: { name: string }) => r.name === "do").totalInstances - 1);
  });
});

describe("digitalocean stack: settings", () => {
  it("uses Void's http backend at prod/digitalocean and an empty provider block", () => {
    const url = "https://terrastate.s.voidlinux.org/state/prod/digitalocean";
    assert.deepEqual(json.terraform?.backend, {
      http: { address: url, lock_address: url, unlock_address: url },
    });
    assert.deepEqual(json.provider, { digitalocean: [{}] });
  });

  it("pins the provider to one exact version", () => {
    assert.deepEqual(json.terraform?.required_providers, {
      digitalocean: { source: "digitalocean/digitalocean", version: "2.71.0" },
    });
  });

  it("follows the backend switch", () => {
    const local = synth(MIRROR_LIST, { INFRA_BACKEND: "local" }).json;
    assert.deepEqual(local.terraform?.backend, {
      local: { path: "../../../terraform.digitalocean.tfstate" },
    });
  });
});

describe("digitalocean stack: mirrors", () => {
  it("gives each machine the site and country its name declares under hosts.yaml's convention", () => {
    const { naming } = ADOPTION_ESTATE.hosts;
    const pattern = new RegExp(naming.pattern);
    for (const [name, host] of stack.hosts) {
      const machine = name.split(".").at(-1) ?? name;
      const groups = pattern.exec(machine)?.groups;
      assert.ok(groups?.cc, `${machine} declares a country in its name`);
      assert.deepEqual([host.site, host.country], [groups.site, groups.cc], name);
    }
  });

  it("warns about the disabled repo-us (wrong country, not synchronised)", () => {
    const repoUs = stack.mirrors.find((m) => m.name === "repo-us");
    const warnings =
      repoUs?.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data)) ?? [];
    assert.equal(warnings.length, 2);
    assert.match(
      warnings[0] ?? "",
      /mirror repo-us declares country "us" \(Kansas City, USA\) but points at host b-hel-fi in "fi"/,
    );
    assert.match(
      warnings[1] ?? "",
      /b-hel-fi, which the repository is not synchronised to \(expected one of d-hel-fi, a-fra-de\)/,
    );
    // No stack traces (absolute paths) in the synthesized manifest.
    assert.ok(repoUs?.node.metadata.every((m) => m.trace === undefined));
    for (const mirror of stack.mirrors.filter((m) => m.name !== "repo-us")) {
      assert.deepEqual(mirror.node.metadata, [], `${mirror.name} has no warnings`);
    }
  });

  it("rejects enabling repo-us while it points at b-hel-fi", () => {
    const list = MIRROR_LIST.map((entry) =>
      entry.baseUrl === "https://repo-us.voidlinux.org/" ? { ...entry, enabled: true } : entry,
    );
    assert.throws(
      () => synth(list),
      /digitalocean\/mirror-us: mirror repo-us declares country "us" \(Kansas City, USA\) but points at host b-hel-fi in "fi"/,
    );
  });

  it("rejects a Void mirror missing from the mirror list", () => {
    const list = MIRROR_LIST.filter((entry) => entry.baseUrl !== "https://repo-de.voidlinux.org/");
    assert.throws(
      () => synth(list),
      /digitalocean: mirror https:\/\/repo-de.voidlinux.org\/ is not in the mirror list/,
    );
  });
});

describe("proxied services artifact", () => {
  const artifact = JSON.parse(proxiedServicesJson(ADOPTION_ESTATE));

  it("lists every proxied service of the estate with its nginx names", () => {
    const expected = estate.proxies.proxiedServices.map(
      (s: {
        service: string | null;
        job: string;
        namespace: string;
        datacenters: string[];
        nginxNames: string[];
      }) => ({
        service: s.service,
        job: s.job,
        namespace: s.namespace,
        datacenters: s.datacenters,
        names: s.nginxNames,
      }),
    );
    const actual = artifact.services.map(
      (s: {
        service: string | null;
        job: string;
        namespace: string;
        datacenters: string[];
        names: string[];
      }) => ({
        service: s.service,
        job: s.job,
        namespace: s.namespace,
        datacenters: s.datacenters,
        names: s.names,
      }),
    );
    // One file per service: the artifact lists them in file-name order.
    const file = (s: { service: string | null; job: string }) => `${s.service ?? s.job}.yaml`;
    const byName = (a: { service: string | null; job: string }, b: { service: string | null; job: string }) =>
      compareText(file(a), file(b));
    assert.deepEqual(actual, [...expected].sort(byName));
    const alps = artifact.services.find((s: { service: string | null }) => s.service === "alps");
    assert.equal(alps.meta.nginx_names, "alps.s.voidlinux.org alps.voidlinux.org");
  });

  it("lists the tiers with the estate's members and the HashiStack UI names", () => {
    assert.deepEqual(
      artifact.tiers.map((t: { name: string; members: string[] }) => [t.name, t.members]),
      [
        ["omniproxy.voidlinux.org", ["d-hel-fi.m.voidlinux.org", "a-fra-de.m.voidlinux.org"]],
        [
          "cproxy.voidlinux.org",
          ["e-hel-fi.m.voidlinux.org", "f-hel-fi.m.voidlinux.org", "g-hel-fi.m.voidlinux.org"],
        ],
      ],
    );
    assert.deepEqual(
      artifact.fragments.map((f: { name: string }) => f.name),
      estate.proxies.cproxy.aliases,
    );
    assert.ok(proxiedServicesJson(ADOPTION_ESTATE).endsWith("}\n"));
  });
});
