import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { lockProblems, parseLockFile, requiredProviders } from "../../app/locks";
import { locks } from "../../cli/locks";
import { synth } from "../../cli/synth";
import { ADOPTION_APP } from "../support/app";
import { run, scratchProject } from "../support/project";

/** A lock file as `terraform providers lock` writes it (hashes shortened). */
const GITHUB_LOCK = `# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/integrations/github" {
  version     = "6.9.0"
  constraints = "6.9.0"
  hashes = [
    "h1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=",
    "zh:0000000000000000000000000000000000000000000000000000000000000000",
  ]
}
`;

const required = new Map([["registry.terraform.io/integrations/github", "6.9.0"]]);

describe("provider lock files", () => {
  test("a lock file's provider blocks are read as Terraform writes them", () => {
    assert.deepEqual(parseLockFile(GITHUB_LOCK), [
      {
        address: "registry.terraform.io/integrations/github",
        version: "6.9.0",
        hashes: [
          "h1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=",
          "zh:0000000000000000000000000000000000000000000000000000000000000000",
        ],
      },
    ]);
  });

  test("a stack's required providers name their registry address", () => {
    const stack = {
      terraform: { required_providers: { github: { source: "integrations/github", version: "6.9.0" } } },
    };
    assert.deepEqual(requiredProviders(stack), required);
  });

  test("a lock that agrees with the stack has no problems; every disagreement is named", () => {
    assert.deepEqual(lockProblems("github", required, GITHUB_LOCK), []);
    assert.deepEqual(lockProblems("github", required, GITHUB_LOCK.replaceAll("6.9.0", "6.8.0")), [
      "locks/github.terraform.lock.hcl: registry.terraform.io/integrations/github is locked at 6.8.0, the stack requires 6.9.0",
    ]);
    assert.deepEqual(
      lockProblems(
        "github",
        new Map([...required, ["registry.terraform.io/hashicorp/vault", "5.6.0"]]),
        GITHUB_LOCK,
      ),
      [
        "locks/github.terraform.lock.hcl: registry.terraform.io/hashicorp/vault is required by the stack but not locked",
      ],
    );
    assert.deepEqual(lockProblems("github", new Map(), GITHUB_LOCK), [
      "locks/github.terraform.lock.hcl: registry.terraform.io/integrations/github is locked but the stack does not use it",
    ]);
    assert.deepEqual(
      lockProblems("github", required, GITHUB_LOCK.replace(/hashes = \[[\s\S]*?\]/, "hashes = []")),
      ["locks/github.terraform.lock.hcl: registry.terraform.io/integrations/github 6.9.0 has no hashes"],
    );
  });

  test("npm run locks -- --check fails on a lock that disagrees, and on a missing one with --strict", async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, "locks"));
    writeFileSync(join(dir, "locks", "github.terraform.lock.hcl"), GITHUB_LOCK.replaceAll("6.9.0", "6.8.0"));
    const result = await run(locks(ADOPTION_APP), dir, ["--check"]);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^locks\/github\.terraform\.lock\.hcl: registry\.terraform\.io\/integrations\/github is locked at 6\.8\.0, the stack requires 6\.9\.0$/m,
    );
    assert.match(result.stderr, /^warning: locks\/tls\.terraform\.lock\.hcl: missing/m);

    writeFileSync(join(dir, "locks", "github.terraform.lock.hcl"), GITHUB_LOCK);
    assert.equal((await run(locks(ADOPTION_APP), dir, ["--check"])).status, 0);
    const strict = await run(locks(ADOPTION_APP), dir, ["--check", "--strict"]);
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, /^locks\/tls\.terraform\.lock\.hcl: missing/m);
  });

  test("synth puts each committed lock file next to its stack, where terraform init reads it", async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, "locks"));
    writeFileSync(join(dir, "locks", "github.terraform.lock.hcl"), GITHUB_LOCK);
    assert.equal((await run(synth(ADOPTION_APP), dir)).status, 0);
    assert.equal(
      readFileSync(join(dir, "cdktf.out", "stacks", "github", ".terraform.lock.hcl"), "utf8"),
      GITHUB_LOCK,
    );
    assert.ok(!existsSync(join(dir, "cdktf.out", "stacks", "tls", ".terraform.lock.hcl")));
  });
});
