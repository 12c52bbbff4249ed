import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { REPO_ROOT, tempDir } from "../support/project";

const json = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, file), "utf8"));

test("`npx cdktf synth` runs the same entry point as `npm run synth`", () => {
  assert.equal(json("cdktf.json").app, json("package.json").scripts.synth);
});

test("the CI entry point installs from the lockfile and runs the README's test command", () => {
  const ci = readFileSync(join(REPO_ROOT, ".ci", "run"), "utf8");
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  assert.match(readme, /^npm ci && npm run synth /m);
  assert.match(readme, /^npm test /m);
  assert.ok(ci.indexOf("npm ci") < ci.indexOf("npm test"), "npm ci runs first");
  for (const step of ["npm run lint", "npm run validate", "npm run synth"])
    assert.ok(ci.includes(step), step);
});

describe("every npm script answers --help with its usage, and does nothing else", () => {
  const scripts = json("package.json").scripts as Record<string, string>;
  const { COMMANDS } = require("../../cli/launch.cjs") as { COMMANDS: Record<string, { module: string }> };

  test("each command of the launcher parses its arguments, --help included (cli/command.ts)", () => {
    const modules = Object.values(COMMANDS).map(({ module }) =>
      module === "main.ts" ? "cli/synth.ts" : module,
    );
    const unparsed = modules.filter(
      (module) => !/\bparseArgs(<[^>]*>)?\(/.test(readFileSync(join(REPO_ROOT, module), "utf8")),
    );
    assert.deepEqual(unparsed, []);
  });

  test("synth and the scripts outside the launcher, through npm: usage printed, nothing written", () => {
    const launched = Object.entries(scripts).filter(([, line]) => line.startsWith("node cli/launch.cjs "));
    const others = Object.keys(scripts).filter((script) => !launched.some(([name]) => name === script));
    // Where synth would write if it ran: it must not come to exist.
    const outdir = join(tempDir("help-"), "cdktf.out");
    const unhelpful = ["synth", ...others].flatMap((script) => {
      const run = spawnSync("npm", ["run", "-s", script, "--", "--help"], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, CDKTF_OUTDIR: outdir },
      });
      return run.status === 0 && /^Usage: /m.test(run.stdout)
        ? []
        : [`${script}: exit ${run.status}, ${run.stdout.slice(0, 80)}`];
    });
    assert.deepEqual(unhelpful, []);
    assert.ok(!existsSync(outdir), "npm run synth -- --help wrote nothing");
  });
});
