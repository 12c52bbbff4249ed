import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  absoluteName,
  canonicalZoneName,
  isDirectChild,
  relativeName,
  targetProblem,
  terraformId,
} from "../../constructs/dns";

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
