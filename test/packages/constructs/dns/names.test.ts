import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  absoluteName,
  canonicalZoneName,
  type DnsRecord,
  isDirectChild,
  type RecordSet,
  recordId,
  relativeName,
  setId,
  targetProblem,
  terraformId,
  valueKey,
} from "@void-linux/infra-constructs/dns";

const rel = (name: string) => relativeName("example.org", name);
const problem = (name: string) => {
  const result = rel(name);
  return "problem" in result ? result.problem : "";
};

describe("relativeName", () => {
  it("keeps relative names and the apex", () => {
    assert.deepEqual(rel("@"), { name: "@" });
    assert.deepEqual(rel("a-hel-fi.m"), { name: "a-hel-fi.m" });
    assert.deepEqual(rel("*.s"), { name: "*.s" });
    assert.deepEqual(rel("_dmarc"), { name: "_dmarc" });
  });

  it("converts absolute names, with or without the trailing dot, and lower-cases", () => {
    assert.deepEqual(rel("cproxy.example.org."), { name: "cproxy" });
    assert.deepEqual(rel("Default._domainkey.example.org"), { name: "default._domainkey" });
    assert.deepEqual(rel("example.org."), { name: "@" });
    assert.deepEqual(rel("example.org"), { name: "@" });
  });

  it("rejects names outside the zone", () => {
    assert.deepEqual(rel("www.example.net."), {
      problem:
        'record name "www.example.net." is outside the zone example.org (expected a name ending in .example.org.)',
    });
    assert.match(problem("notexample.org."), /outside the zone/);
  });

  it("rejects bad labels, empty names and misplaced wildcards", () => {
    assert.match(problem(""), /empty/);
    assert.match(problem("a..b"), /invalid label ""/);
    assert.match(problem("a.*"), /invalid label "\*"/);
    assert.match(problem("-bad"), /invalid label "-bad"/);
    assert.match(problem("has space"), /whitespace/);
    assert.match(problem(`${"a".repeat(63)}.`.repeat(4)), /outside the zone/);
    assert.match(problem(Array(5).fill("a".repeat(60)).join(".")), /longer than 253/);
  });
});

describe("other name helpers", () => {
  it("builds absolute names", () => {
    assert.equal(absoluteName("example.org", "@"), "example.org.");
    assert.equal(absoluteName("example.org", "www"), "www.example.org.");
  });

  it("canonicalizes zone names", () => {
    assert.deepEqual(canonicalZoneName("Example.ORG."), { name: "example.org" });
    const bad = canonicalZoneName("bad zone");
    assert.match("problem" in bad ? bad.problem : "", /not a domain name/);
  });

  it("requires absolute targets", () => {
    assert.equal(targetProblem("host.example.org."), undefined);
    assert.match(targetProblem("host.example.org") ?? "", /not absolute .*trailing dot/);
    assert.match(targetProblem("bad..name.") ?? "", /not a valid domain name/);
  });

  it("knows which names a wildcard covers", () => {
    assert.equal(isDirectChild("grafana.s", "s"), true);
    assert.equal(isDirectChild("grafana", "@"), true);
    assert.equal(isDirectChild("a.grafana.s", "s"), false);
    assert.equal(isDirectChild("grafana.s", "@"), false);
    assert.equal(isDirectChild("@", "@"), false);
  });

  it("derives Terraform ids from data", () => {
    assert.equal(terraformId("record", "@", "A"), "record_apex_a");
    assert.equal(terraformId("record", "*.s", "CNAME"), "record_wildcard_s_cname");
    assert.equal(
      terraformId("record", "omniproxy", "AAAA", "2a01:4f9::2"),
      "record_omniproxy_aaaa_2a01_4f9__2",
    );
    assert.equal(terraformId("1up"), "_1up");
  });
});

describe("record ids", () => {
  const record = (value: string, key: string): DnsRecord => ({ name: "www", type: "A", value, key });
  const set = (exclusive: boolean, ...records: DnsRecord[]): RecordSet => ({
    name: "www",
    type: "A",
    ttl: undefined,
    exclusive,
    records,
  });

  it("keys a value by itself when it reads well, else by a stable digest", () => {
    assert.equal(valueKey("192.0.2.1"), "192.0.2.1");
    assert.equal(valueKey("2001:db8::1"), "2001:db8::1");
    assert.equal(valueKey("host.example.org."), "host.example.org");
    assert.match(valueKey("v=spf1 mx ~all"), /^h[0-9a-f]{12}$/);
    assert.match(valueKey("x".repeat(49)), /^h[0-9a-f]{12}$/);
    assert.equal(valueKey("v=spf1 mx ~all"), valueKey("v=spf1 mx ~all"));
    assert.notEqual(valueKey("v=spf1 mx ~all"), valueKey("v=spf1 mx -all"));
  });

  it("names a set by prefix, name and type", () => {
    assert.equal(setId("zone", { name: "@", type: "A" }), "zone_apex_a");
    assert.equal(
      setId("zones_voidlinux", { name: "*.s", type: "CNAME" }),
      "zones_voidlinux_wildcard_s_cname",
    );
  });

  it("adds the key of a value in an open set, never one of an exclusive set", () => {
    const first = record("192.0.2.1", "192.0.2.1");
    const second = record("192.0.2.2", "192.0.2.2");
    assert.equal(recordId("zone", set(false, first), first), "zone_www_a_192_0_2_1");
    // A second value does not rename the first.
    assert.equal(recordId("zone", set(false, first, second), first), "zone_www_a_192_0_2_1");
    assert.equal(recordId("zone", set(false, first, second), second), "zone_www_a_192_0_2_2");
    assert.equal(recordId("zone", set(true, record("192.0.2.1", "")), first), "zone_www_a");
  });
});
