import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { bots } from "../../cli/bots";
import { bundleBot } from "../../review/bot/bundle";
import { botScript } from "../../workflow-lint/bot-script";
import { run, tempDir } from "../support/project";

/** A repository whose workflow runs the bots `ran`, with a source for each of `sources`. */
function repository(ran: readonly string[], sources: readonly string[] = ran): string {
  const root = tempDir("bots-");
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (const name of sources)
    write(
      `review/bot/${name}.ts`,
      `export async function main({ core }: { core: { info(t: string): void } }) {\n  core.info("${name}");\n}\n`,
    );
  const steps = ran.map(
    (name) => `      - uses: actions/github-script@v8\n        with:\n          script: ${botScript(name)}\n`,
  );
  write(
    ".github/workflows/bots.yml",
    `on: push\njobs:\n  bots:\n    runs-on: ubuntu-latest\n    steps:\n${steps.join("")}`,
  );
  return root;
}

const bundles = (root: string) =>
  existsSync(join(root, ".github/bots")) ? readdirSync(join(root, ".github/bots")).sort() : [];

describe("npm run bots", () => {
  test("writes the bundle of every bot a workflow runs; --check then passes", async () => {
    const root = repository(["hello", "goodbye"]);
    const wrote = await run(bots, root);
    assert.equal(wrote.status, 0, wrote.stderr);
    assert.equal(wrote.stdout, "bots: wrote .github/bots/goodbye.cjs, wrote .github/bots/hello.cjs\n");
    assert.deepEqual(bundles(root), ["goodbye.cjs", "hello.cjs"]);
    assert.equal(readFileSync(join(root, ".github/bots/hello.cjs"), "utf8"), bundleBot(root, "hello"));
    assert.match(bundleBot(root, "hello"), /^\/\/ Generated from review\/bot\/hello\.ts by `npm run bots`/);
    const checked = await run(bots, root, ["--check"]);
    assert.deepEqual(checked, { status: 0, stdout: "bots: every bundle is current\n", stderr: "" });
  });

  test("--check names every bundle that is missing, stale or unused, and writes nothing", async () => {
    const root = repository(["hello", "goodbye"]);
    await run(bots, root);
    writeFileSync(join(root, ".github/bots/hello.cjs"), "module.exports = { main() {} };\n");
    writeFileSync(join(root, ".github/bots/retired.cjs"), "module.exports = {};\n");
    writeFileSync(join(root, "review/bot/goodbye.ts"), 'export function main() {\n  return "edited";\n}\n');
    const before = bundles(root).map((name) => readFileSync(join(root, ".github/bots", name), "utf8"));
    const checked = await run(bots, root, ["--check"]);
    assert.equal(checked.status, 1);
    assert.equal(
      checked.stderr,
      [
        "error: .github/bots/goodbye.cjs: stale or missing (expected the bundle of its source); run npm run bots",
        "error: .github/bots/hello.cjs: stale or missing (expected the bundle of its source); run npm run bots",
        "error: .github/bots/retired.cjs: no workflow runs it; run npm run bots to remove it",
        "",
      ].join("\n"),
    );
    assert.deepEqual(
      bundles(root).map((name) => readFileSync(join(root, ".github/bots", name), "utf8")),
      before,
    );
  });

  test("rewrites stale bundles and removes the ones no workflow runs", async () => {
    const root = repository(["hello"]);
    mkdirSync(join(root, ".github/bots"));
    writeFileSync(join(root, ".github/bots/retired.cjs"), "module.exports = {};\n");
    const wrote = await run(bots, root);
    assert.equal(wrote.stdout, "bots: wrote .github/bots/hello.cjs, removed .github/bots/retired.cjs\n");
    assert.deepEqual(bundles(root), ["hello.cjs"]);
  });

  test("a workflow that runs a bot without a source is refused, and nothing is written", async () => {
    const root = repository(["hello", "ghost"], ["hello"]);
    const refused = await run(bots, root);
    assert.equal(refused.status, 1);
    assert.equal(
      refused.stderr,
      "error: .github/workflows/bots.yml: runs the bot ghost, which has no source (expected review/bot/ghost.ts)\n",
    );
    assert.deepEqual(bundles(root), []);
  });
});
