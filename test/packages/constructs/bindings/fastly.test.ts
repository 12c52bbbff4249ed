import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  FASTLY_PROVIDER_VERSION,
  FastlyProvider,
  ServiceVcl,
  TlsSubscription,
} from "@void-linux/infra-constructs/bindings/fastly";
import { TerraformOutput } from "@void-linux/infra-constructs/cdktf";
import { assertHasResource, parse, resourcesOf, synthScope } from "../../../support/synth";

describe("fastly bindings", () => {
  test("the provider pins the exact version and carries no credentials", () => {
    const json = parse(
      synthScope((scope) => {
        new FastlyProvider(scope, "fastly", { baseUrl: "https://api.example.net" });
      }),
    );
    assert.deepEqual(json.terraform?.required_providers, {
      fastly: { source: "fastly/fastly", version: FASTLY_PROVIDER_VERSION },
    });
    assert.equal(FASTLY_PROVIDER_VERSION, "3.0.4");
    assert.deepEqual(json.provider?.fastly, [{ base_url: "https://api.example.net" }]);
  });

  test("a provider alias is synthesized and used in references", () => {
    const json = parse(
      synthScope((scope) => {
        const second = new FastlyProvider(scope, "second", { alias: "second" });
        new ServiceVcl(scope, "svc", { name: "s", domain: [{ name: "a.example.org" }], provider: second });
      }),
    );
    assert.deepEqual(json.provider?.fastly, [{ alias: "second" }]);
    assert.equal(resourcesOf(json, "fastly_service_vcl").svc?.provider, "fastly.second");
  });

  test("service_vcl maps every nested block to snake_case", () => {
    const json = synthScope((scope) => {
      new ServiceVcl(scope, "svc", {
        name: "demo",
        comment: "c",
        versionComment: "v",
        defaultTtl: 60,
        staleIfError: true,
        staleIfErrorTtl: 120,
        forceDestroy: true,
        domain: [{ name: "a.example.org", comment: "A" }],
        backend: [
          {
            name: "origin",
            address: "origin.example.org",
            port: 8443,
            useSsl: true,
            sslCertHostname: "origin.example.org",
            sslSniHostname: "origin.example.org",
            overrideHost: "origin.example.org",
            firstByteTimeout: 30000,
            maxConn: 50,
            healthcheck: "hc",
          },
        ],
        snippet: [{ name: "s1", type: "recv", content: "return(pass);", priority: 10 }],
        cacheSetting: [{ name: "long", action: "cache", ttl: 86400, staleTtl: 60, cacheCondition: "is-pkg" }],
        condition: [{ name: "is-pkg", statement: 'req.url ~ "\\.xbps$"', type: "CACHE", priority: 5 }],
        header: [
          {
            name: "h",
            action: "set",
            type: "response",
            destination: "http.X-A",
            source: '"1"',
            ignoreIfSet: true,
          },
        ],
        gzip: [{ name: "g", contentTypes: ["text/html"], extensions: ["html"] }],
        healthcheck: [
          {
            name: "hc",
            host: "origin.example.org",
            path: "/health",
            expectedResponse: 204,
            httpVersion: "1.1",
          },
        ],
        requestSetting: [{ name: "r", forceSsl: true, xff: "append" }],
      });
    });
    assertHasResource(json, "fastly_service_vcl", {
      name: "demo",
      comment: "c",
      version_comment: "v",
      default_ttl: 60,
      stale_if_error: true,
      stale_if_error_ttl: 120,
      force_destroy: true,
      domain: [{ name: "a.example.org", comment: "A" }],
      backend: [
        {
          name: "origin",
          address: "origin.example.org",
          port: 8443,
          use_ssl: true,
          ssl_cert_hostname: "origin.example.org",
          ssl_sni_hostname: "origin.example.org",
          override_host: "origin.example.org",
          first_byte_timeout: 30000,
          max_conn: 50,
          healthcheck: "hc",
        },
      ],
      snippet: [{ name: "s1", type: "recv", content: "return(pass);", priority: 10 }],
      cache_setting: [
        { name: "long", action: "cache", ttl: 86400, stale_ttl: 60, cache_condition: "is-pkg" },
      ],
      condition: [{ name: "is-pkg", statement: 'req.url ~ "\\.xbps$"', type: "CACHE", priority: 5 }],
      header: [
        {
          name: "h",
          action: "set",
          type: "response",
          destination: "http.X-A",
          source: '"1"',
          ignore_if_set: true,
        },
      ],
      gzip: [{ name: "g", content_types: ["text/html"], extensions: ["html"] }],
      healthcheck: [
        {
          name: "hc",
          host: "origin.example.org",
          path: "/health",
          expected_response: 204,
          http_version: "1.1",
        },
      ],
      request_setting: [{ name: "r", force_ssl: true, xff: "append" }],
    });
  });

  test("unset optional fields and empty block lists are left out", () => {
    const json = synthScope((scope) => {
      new ServiceVcl(scope, "svc", { name: "bare", domain: [{ name: "a.example.org" }], snippet: [] });
    });
    assert.deepEqual(Object.keys(resourcesOf(json, "fastly_service_vcl").svc ?? {}).sort(), [
      "domain",
      "name",
    ]);
  });

  test("tls_subscription synthesizes its arguments and exposes challenge values by name", () => {
    const json = synthScope((scope) => {
      const sub = new TlsSubscription(scope, "tls", {
        domains: ["a.example.org"],
        certificateAuthority: "globalsign",
        configurationId: "cfg",
      });
      new TerraformOutput(scope, "challenge", {
        value: sub.dnsChallengeValue("_acme-challenge.a.example.org"),
      });
      new TerraformOutput(scope, "state", { value: sub.state });
    });
    assertHasResource(json, "fastly_tls_subscription", {
      domains: ["a.example.org"],
      certificate_authority: "globalsign",
      configuration_id: "cfg",
    });
    const outputs = parse(json).output ?? {};
    assert.equal(
      outputs.challenge?.value,
      '${zipmap(fastly_tls_subscription.tls.managed_dns_challenges[*].record_name, fastly_tls_subscription.tls.managed_dns_challenges[*].record_value)["_acme-challenge.a.example.org"]}',
    );
    assert.equal(outputs.state?.value, "${fastly_tls_subscription.tls.state}");
  });
});
