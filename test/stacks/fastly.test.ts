import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Testing } from "@void-linux/infra-constructs/cdktf";
import { stateBackendFromEnv } from "../../app/backend";
import { FastlyStack } from "../../stacks/fastly";
import { ADOPTION_ESTATE } from "../support/app";
import { readEstate } from "../support/estate";
import { parse, type StackJson, testApp } from "../support/synth";

const estate = readEstate().fastly;

/** The stack from the adoption estate. */
function synthFastly(env: NodeJS.ProcessEnv = {}): { stack: FastlyStack; json: StackJson; text: string } {
  const backend = stateBackendFromEnv(env, ADOPTION_ESTATE.state.httpBaseUrl);
  const stack = new FastlyStack(testApp(), "fastly", {
    cdn: ADOPTION_ESTATE.fastly,
    state: { key: "prod/fastly", backend },
  });
  const text = Testing.synth(stack);
  return { stack, json: parse(text), text };
}

const { stack, json, text } = synthFastly();
const resources = json.resource ?? {};
const service = resources.fastly_service_vcl?.main_repo ?? {};
const snippets = (service.snippet ?? []) as Record<string, string>[];

describe("fastly stack from the adoption estate", () => {
  // The subscription is named after the service; migration/ moves it from Void's address
  // (test/stacks/state-migration.test.ts).
  test("holds exactly the two Fastly resources", () => {
    const addresses = Object.entries(resources).flatMap(([type, byName]) =>
      Object.keys(byName).map((name) => `${type}.${name}`),
    );
    assert.deepEqual(addresses.sort(), [estate.services[0].address, "fastly_tls_subscription.tls_main_repo"]);
  });

  test("the service matches void-estate.json", () => {
    const [expected] = estate.services;
    assert.equal(service.name, expected.name);
    assert.deepEqual(service.domain, expected.domains);
    assert.deepEqual(
      service.backend,
      expected.backends.map((b: Record<string, unknown>) => ({
        name: b.name,
        address: b.address,
        port: b.port,
        use_ssl: b.useSsl,
        shield: b.shield,
      })),
    );
    assert.deepEqual(
      service.cache_setting,
      expected.cacheSettings.map((c: Record<string, unknown>) => ({ name: c.name, ttl: c.ttl })),
    );
    assert.deepEqual(
      snippets.map(({ content: _, ...rest }) => rest),
      expected.snippets.map((s: Record<string, unknown>) => ({
        name: s.name,
        type: s.type,
        ...(s.priority === null ? {} : { priority: s.priority }),
      })),
    );
    // Nothing else is set, as in Void's configuration.
    assert.deepEqual(Object.keys(service).sort(), ["backend", "cache_setting", "domain", "name", "snippet"]);
  });

  test("the segment-caching snippet uses an alternation of the suffixes (known defect fixed)", () => {
    assert.equal(
      snippets[0]?.content,
      'if (req.url.path ~ "\\.(gz|xz|xbps|iso)$") {\n  set req.enable_segmented_caching = true;\n}\n',
    );
    const regex = /\.(gz|xz|xbps|iso)$/;
    for (const path of [
      "/current/x86_64-repodata.xz",
      "/current/foo-1.0_1.x86_64.xbps",
      "/live/void.iso",
      "/a.gz",
    ]) {
      assert.ok(regex.test(path), path);
    }
    // Paths the old character class matched by their last character alone:
    const old = /^.+[.gz|.xz|.xbps|.iso]$/;
    for (const path of ["/sources/foo.sig", "/static/favicon.ico", "/docs/index.php"]) {
      assert.ok(old.test(path) && !regex.test(path), path);
    }
  });

  test("the streaming-miss snippet sets do_stream", () => {
    assert.equal(snippets[1]?.content, "set beresp.do_stream = true;");
  });

  test("the TLS subscription matches void-estate.json", () => {
    const [expected] = estate.tlsSubscriptions;
    const sub = resources.fastly_tls_subscription?.tls_main_repo ?? {};
    assert.equal(sub.certificate_authority, expected.certificateAuthority);
    assert.deepEqual(sub.domains, expected.domains);
  });

  test("the DNS records it needs are the two related records of the estate", () => {
    const expected = estate.relatedDns.map((line: string) => {
      const [, name, type, target] = line.match(/^\S+: (\S+) (\S+) (\S+)$/) ?? [];
      return `${name}.voidlinux.org. ${type} ${target}`;
    });
    const ours = stack.front.dnsRecords.map((r) => `${r.name} ${r.type} ${r.target}`);
    assert.deepEqual(ours, expected);
  });

  test("pins the provider Void locks and configures no credentials", () => {
    assert.deepEqual(json.terraform?.required_providers, {
      fastly: { source: "fastly/fastly", version: "3.0.4" },
    });
    assert.deepEqual(json.provider?.fastly, [{}]);
    assert.doesNotMatch(text, /api_key|FASTLY_API_KEY|password|token/i);
  });

  test("keeps state on terrastate at prod/fastly by default", () => {
    const address = "https://terrastate.s.voidlinux.org/state/prod/fastly";
    assert.deepEqual(json.terraform?.backend, {
      http: { address, lock_address: address, unlock_address: address },
    });
  });

  test("follows the shared backend switch", () => {
    const local = synthFastly({ INFRA_BACKEND: "local" }).json;
    assert.deepEqual(local.terraform?.backend, { local: { path: "../../../terraform.fastly.tfstate" } });
  });

  test("synthesizes deterministically", () => {
    assert.equal(synthFastly().text, text);
  });
});
