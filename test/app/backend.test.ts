import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { App, LocalBackend, TerraformStack, Testing } from "@void-linux/infra-constructs/cdktf";
import { DnsZone } from "@void-linux/infra-constructs/dns";
import { digitalOceanDns } from "@void-linux/infra-constructs/dns/digitalocean";
import { configureState } from "@void-linux/infra-constructs/terraform";
import { stateBackendFromEnv } from "../../app/backend";
import { tempDir } from "../support/project";
import { testApp } from "../support/synth";

const BASE_URL = "https://state.example.org/state";

function backendFor(env: NodeJS.ProcessEnv) {
  const stack = new TerraformStack(testApp(), "github");
  configureState(stack, { key: "prod/github", backend: stateBackendFromEnv(env, BASE_URL) });
  return JSON.parse(Testing.synth(stack)).terraform;
}

describe("configureState", () => {
  test("requires a Terraform that reads removed blocks and S3 lock files", () => {
    assert.equal(backendFor({}).required_version, ">= 1.10");
  });

  test("http by default: address, lock and unlock on the same URL, no credentials", () => {
    const address = "https://state.example.org/state/prod/github";
    assert.deepEqual(backendFor({}).backend, {
      http: { address, lock_address: address, unlock_address: address },
    });
  });

  test("local keeps state in the repository root through a relative path", () => {
    assert.deepEqual(backendFor({ INFRA_BACKEND: "local" }).backend, {
      local: { path: "../../../terraform.github.tfstate" },
    });
  });

  test("s3 uses the native lock file and encryption", () => {
    assert.deepEqual(
      backendFor({ INFRA_BACKEND: "s3", INFRA_STATE_BUCKET: "tf", INFRA_STATE_REGION: "eu-west-1" }).backend,
      {
        s3: {
          bucket: "tf",
          key: "prod/github.tfstate",
          region: "eu-west-1",
          encrypt: true,
          use_lockfile: true,
        },
      },
    );
  });

  test("gcs stores each stack under its key", () => {
    assert.deepEqual(backendFor({ INFRA_BACKEND: "gcs", INFRA_STATE_BUCKET: "tf" }).backend, {
      gcs: { bucket: "tf", prefix: "prod/github" },
    });
  });

  test("s3 and gcs need a bucket, and an unknown backend is named", () => {
    assert.throws(
      () => stateBackendFromEnv({ INFRA_BACKEND: "s3" }, BASE_URL),
      /INFRA_BACKEND=s3 needs INFRA_STATE_BUCKET to be set/,
    );
    assert.throws(
      () => stateBackendFromEnv({ INFRA_BACKEND: "ftp" }, BASE_URL),
      /INFRA_BACKEND=ftp is not a backend \(expected one of http, local, s3, gcs\)/,
    );
  });
});

describe("a stack given no backend", () => {
  /** The `terraform` block of each stack as `app.synth()` writes it, stacks built by `build`. */
  function synthesized(build: (app: App) => void): Record<string, { backend?: unknown }> {
    const outdir = join(tempDir("local-state-"), "cdktf.out");
    const app = new App({ outdir, skipValidation: true });
    build(app);
    app.synth();
    const stacks = app.node.children.filter((c) => c instanceof TerraformStack).map((c) => c.node.id);
    return Object.fromEntries(
      stacks.map((id) => [
        id,
        JSON.parse(readFileSync(join(outdir, "stacks", id, "cdk.tf.json"), "utf8")).terraform,
      ]),
    );
  }
  const zoneIn = (stack: TerraformStack) =>
    new DnsZone(stack, "zone", { zoneName: "example.org", backend: digitalOceanDns() }).a("www", "192.0.2.1");

  test("keeps its local state beside the outdir through a relative path, not the machine's directory", () => {
    const json = synthesized((app) => zoneIn(new TerraformStack(app, "web")));
    assert.deepEqual(json.web?.backend, { local: { path: "../../../terraform.web.tfstate" } });
    assert.doesNotMatch(JSON.stringify(json), new RegExp(process.cwd().replace(/[/\\]/g, ".")));
  });

  test("a backend or a local path someone chose is left as it is", () => {
    const json = synthesized((app) => {
      const chosen = new TerraformStack(app, "chosen");
      new LocalBackend(chosen, { path: "/srv/state/chosen.tfstate" });
      zoneIn(chosen);
      const remote = new TerraformStack(app, "remote");
      configureState(remote, { key: "prod/remote", backend: { kind: "gcs", bucket: "tf" } });
      zoneIn(remote);
    });
    assert.deepEqual(json.chosen?.backend, { local: { path: "/srv/state/chosen.tfstate" } });
    assert.deepEqual(json.remote?.backend, { gcs: { bucket: "tf", prefix: "prod/remote" } });
  });
});
