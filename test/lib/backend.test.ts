import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TerraformStack, Testing } from "@void-linux/infra-constructs/cdktf";
import { configureState } from "@void-linux/infra-constructs/terraform";
import { stateBackendFromEnv } from "../../app/backend";
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
