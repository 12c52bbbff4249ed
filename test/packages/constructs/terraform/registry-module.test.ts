import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RegistryModule } from "@void-linux/infra-constructs/terraform";
import { failureOf, parse, synthScope } from "../../../support/synth";

describe("RegistryModule", () => {
  it("passes inputs under their Terraform names with source and exact version", () => {
    const json = parse(
      synthScope((scope) => {
        new RegistryModule(scope, "consul_base", {
          source: "resinstack/base/consul",
          version: "0.3.0",
          inputs: { anonymous_node_read: true },
        });
      }),
    );
    assert.deepEqual(json.module, {
      consul_base: { source: "resinstack/base/consul", version: "0.3.0", anonymous_node_read: true },
    });
  });

  it("refuses version ranges and non-registry sources", () => {
    assert.equal(
      failureOf(
        (scope) => new RegistryModule(scope, "m", { source: "resinstack/base/consul", version: "~> 0.3" }),
      ),
      'stack/m: version "~> 0.3" is not an exact version (expected e.g. 1.2.3; ranges are not allowed)',
    );
    assert.equal(
      failureOf((scope) => new RegistryModule(scope, "m", { source: "git::https://x", version: "1.0.0" })),
      'stack/m: source "git::https://x" is not a registry address (expected <namespace>/<name>/<provider>)',
    );
  });
});
