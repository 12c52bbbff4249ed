import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { WRITTEN_FILE } from "../../app/synth";
import { annotation } from "../../cli/report";
import { synth } from "../../cli/synth";
import { validate } from "../../cli/validate";
import { ADOPTION_APP } from "../support/app";
import { run, scratchProject } from "../support/project";

const BAD_FILE = "name: Alice\ngithub: alice\nteams:\n  pkg-comitters: member\n";

describe("validate and synth on bad data", () => {
  test("validate exits 1 with the precise message and no stack trace", async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, "maintainers", "alice.yaml"), BAD_FILE);
    const result = await run(validate, dir);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^maintainers\/alice\.yaml:4:3: teams\.pkg-comitters: unknown team "pkg-comitters" \(did you mean "pkg-committers"\?\)/m,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
  });

  test("synth writes nothing when the data is invalid", async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, "maintainers", "alice.yaml"), BAD_FILE);
    mkdirSync(join(dir, "cdktf.out"));
    writeFileSync(join(dir, "cdktf.out", "previous"), "kept");
    const result = await run(synth(ADOPTION_APP), dir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /nothing was written/);
    assert.deepEqual(readdirSync(dir).sort(), ["cdktf.out", "estate", "maintainers", "organization.yaml"]);
    assert.equal(readFileSync(join(dir, "cdktf.out", "previous"), "utf8"), "kept");
  });

  test("validate passes on sound data and counts what it read", async () => {
    const result = await run(validate, scratchProject());
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      "ok: 22 maintainers, 3 org owners, 40 mirrors, 17 machines, 29 repositories, 17 services\n",
    );
  });

  test("synth replaces its own previous output, stale stacks included", async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, "cdktf.out", "stacks", "gone"), { recursive: true });
    writeFileSync(join(dir, "cdktf.out", "stacks", "gone", "cdk.tf.json"), "{}");
    writeFileSync(join(dir, "cdktf.out", "manifest.json"), "{}");
    writeFileSync(join(dir, "cdktf.out", WRITTEN_FILE), "manifest.json\nstacks/gone/cdk.tf.json\n");
    const result = await run(synth(ADOPTION_APP), dir, [], { INFRA_BACKEND: "local" });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(!existsSync(join(dir, "cdktf.out", "stacks", "gone")));
    assert.ok(existsSync(join(dir, "cdktf.out", "stacks", "github", "cdk.tf.json")));
    assert.deepEqual(
      readdirSync(dir).sort(),
      ["cdktf.out", "estate", "maintainers", "organization.yaml"],
      "no staging left",
    );
  });

  test("synth refuses to replace a directory holding files it does not write", async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "notes.txt"), "mine");
    const result = await run(synth(ADOPTION_APP), dir, [], { CDKTF_OUTDIR: "out" });
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      `error: refusing to replace ${join(dir, "out")}: it holds notes.txt, which this command does not write (expected an empty or previously generated output directory)\n`,
    );
    assert.equal(readFileSync(join(dir, "out", "notes.txt"), "utf8"), "mine");
  });
});

describe("validate in CI", () => {
  test("--format github prints each problem as an annotation on its line, --review writes it as Markdown", async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, "maintainers", "alice.yaml"), BAD_FILE);
    const result = await run(validate, dir, ["--format", "github", "--review", "review.md"]);
    assert.equal(result.status, 1);
    assert.match(
      result.stdout,
      /^::error file=maintainers\/alice\.yaml,line=4,col=3,title=teams\.pkg-comitters::unknown team "pkg-comitters" \(did you mean "pkg-committers"\?\)/m,
    );
    const review = readFileSync(join(dir, "review.md"), "utf8");
    assert.match(review, /^### ⚠️ The data does not validate: 1 problem$/m);
    assert.match(review, /^\| `maintainers\/alice\.yaml:4:3` \| `teams\.pkg-comitters` \| unknown team/m);
  });

  test("an annotation cannot be ended early or followed by an injected command", () => {
    const line = annotation({
      file: "maintainers/x\n::error::owned,.yaml",
      line: 2,
      col: 1,
      field: "name",
      message: "bad\r\n::warning::injected 100%",
      severity: "error",
    });
    assert.equal(
      line,
      "::error file=maintainers/x%0A%3A%3Aerror%3A%3Aowned%2C.yaml,line=2,col=1,title=name::bad%0D%0A::warning::injected 100%25",
    );
    assert.equal(line.split("\n").length, 1);
  });
});
