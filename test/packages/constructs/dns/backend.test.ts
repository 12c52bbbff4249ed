/**
 * The zone is open to backends it does not know: a factory written here, with no edit of DnsZone,
 * receives every record and decides which resources publish it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Record as DoRecord } from "@cdktf/provider-digitalocean/lib/record";
import { type Construct, TerraformResource } from "@void-linux/infra-constructs/cdktf";
import {
  absoluteName,
  type DnsRecord,
  DnsZone,
  type RecordSet,
  setId,
  terraformId,
  type ZoneBackend,
  type ZoneBackendFactory,
  type ZoneContext,
} from "@void-linux/infra-constructs/dns";
import { claimLogicalId } from "@void-linux/infra-constructs/terraform";
import { assertHasResource, failureOf, resourcesOf, synthScope } from "../../../support/synth";

/** Terraform's built-in `terraform_data`, holding whatever `input` produces at synth time. */
class TerraformData extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly input: () => unknown,
  ) {
    super(scope, id, { terraformResourceType: "terraform_data" });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { input: this.input() };
  }
}

/** A backend of this test: one `terraform_data` per record set, listing every value. */
class InventoryBackend implements ZoneBackend {
  readonly published: TerraformData[] = [];
  readonly seen: DnsRecord[] = [];
  private readonly sets = new Map<RecordSet, TerraformData>();

  constructor(readonly context: ZoneContext) {}

  recordAdded(set: RecordSet, record: DnsRecord): TerraformResource {
    this.seen.push(record);
    const known = this.sets.get(set);
    if (known) return known;
    const { zone, zoneName, idPrefix } = this.context;
    const resource = new TerraformData(zone, `${set.name}|${set.type}`, () => ({
      name: absoluteName(zoneName, set.name),
      type: set.type,
      values: set.records.map((r) => r.value),
    }));
    claimLogicalId(resource, setId(idPrefix, set));
    this.sets.set(set, resource);
    this.published.push(resource);
    return resource;
  }
}

const inventory = (): ZoneBackendFactory<InventoryBackend> => (context) => new InventoryBackend(context);

/**
 * Another backend of this test: DigitalOcean records in a domain managed elsewhere, at the
 * addresses an older tool gave them (`legacy_<zone>_<name>_<type>[_<key>]`).
 */
const legacyDigitalOcean =
  (): ZoneBackendFactory =>
  ({ zone, zoneName }) => ({
    recordAdded(set, record) {
      const parts = ["legacy", zoneName, set.name, set.type];
      const id = terraformId(...(set.exclusive ? parts : [...parts, record.key]));
      const resource = new DoRecord(zone, id, {
        domain: zoneName,
        name: record.name,
        type: record.type,
        value: record.value,
        ttl: record.ttl,
      });
      claimLogicalId(resource, id);
      return resource;
    },
  });

describe("a backend written outside the library", () => {
  it("is given the zone, its canonical name and its id prefix, and publishes every record", () => {
    let zone: DnsZone<InventoryBackend> | undefined;
    const json = synthScope((scope) => {
      zone = new DnsZone(scope, "inventory", { zoneName: "Example.ORG.", backend: inventory() });
      zone.a("www", ["192.0.2.1", "192.0.2.2"]).cname("docs", "www.example.org.").txt("@", "hello");
    });
    assert.ok(zone);
    // `backend` is typed: the test's own fields are reachable without a cast.
    assert.equal(zone.backend.context.zone, zone);
    assert.equal(zone.backend.context.zoneName, "example.org");
    assert.equal(zone.backend.context.idPrefix, "inventory");
    assert.deepEqual(
      zone.backend.seen.map((r) => `${r.name} ${r.type} ${r.value}`),
      ["www A 192.0.2.1", "www A 192.0.2.2", "docs CNAME www.example.org.", "@ TXT hello"],
    );
    assert.equal(zone.backend.published.length, 3);
    assert.deepEqual(
      zone.records.map((r) => r.resource.friendlyUniqueId),
      ["inventory_www_a", "inventory_www_a", "inventory_docs_cname", "inventory_apex_txt"],
    );
    assert.deepEqual(resourcesOf(json, "terraform_data"), {
      inventory_www_a: { input: { name: "www.example.org.", type: "A", values: ["192.0.2.1", "192.0.2.2"] } },
      inventory_docs_cname: {
        input: { name: "docs.example.org.", type: "CNAME", values: ["www.example.org."] },
      },
      inventory_apex_txt: { input: { name: "example.org.", type: "TXT", values: ["hello"] } },
    });
  });

  it("gets records only after the zone has checked them", () => {
    let zone: DnsZone<InventoryBackend> | undefined;
    const message = failureOf((scope) => {
      zone = new DnsZone(scope, "inventory", { zoneName: "example.org", backend: inventory() });
      zone.a("www", "192.0.2.1").cname("www", "elsewhere.example.net.");
    });
    assert.match(message, /inventory: record "www" CNAME: a CNAME cannot share its name with other records/);
    assert.deepEqual(
      zone?.backend.seen.map((r) => r.type),
      ["A"],
    );
  });

  it("shares the logical-id guard: two zones given one prefix fail naming both", () => {
    const message = failureOf((scope) => {
      for (const [id, zoneName] of [
        ["one", "example.org"],
        ["two", "example.net"],
      ]) {
        new DnsZone(scope, id as string, {
          zoneName: zoneName as string,
          backend: inventory(),
          idPrefix: "dns",
        }).a("@", "192.0.2.1");
      }
    });
    assert.match(
      message,
      /Terraform address terraform_data\.dns_apex_a would be held by both stack\/one\/\S+ and stack\/two\/\S+/,
    );
  });

  it("writes DigitalOcean records at logical ids of its own", () => {
    const json = synthScope((scope) => {
      new DnsZone(scope, "zone", { zoneName: "example.org", backend: legacyDigitalOcean() })
        .a("www", ["192.0.2.1", "192.0.2.2"])
        .cname("docs", "www.example.org.");
    });
    assert.deepEqual(Object.keys(resourcesOf(json, "digitalocean_record")).sort(), [
      "legacy_example_org_docs_cname",
      "legacy_example_org_www_a_192_0_2_1",
      "legacy_example_org_www_a_192_0_2_2",
    ]);
    assertHasResource(json, "digitalocean_record", {
      domain: "example.org",
      name: "www",
      type: "A",
      value: "192.0.2.2",
    });
    assert.deepEqual(resourcesOf(json, "digitalocean_domain"), {});
  });
});
