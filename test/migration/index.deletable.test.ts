import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { copyCheckout, REPO_ROOT } from "../support/project";

/** Every TypeScript file under `dir` of the checkout, by path. */
function typescriptUnder(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory())
      return e.name === "node_modules" || e.name === "fixtures" ? [] : typescriptUnder(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** The one use of migration/ outside it and its tests, which the README says to delete with it. */
const ONE_USE = "app/void.ts";

describe("migration/ can be deleted after the adoption, as the README says", () => {
  test(`nothing outside migration/ and test/migration/ imports it but ${ONE_USE}`, () => {
    const importers = readdirSync(REPO_ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules")
      .flatMap((e) => typescriptUnder(e.name))
      .concat("main.ts")
      .filter((file) => !file.startsWith("migration/") && !file.startsWith("test/migration/"))
      .filter((file) =>
        /from "(\.\.?\/)+migration(\/[^"]*)?"/.test(readFileSync(join(REPO_ROOT, file), "utf8")),
      );
    assert.deepEqual(importers, [ONE_USE]);
  });

  test("with migration/ and its use deleted in a copy, validate and synth run", () => {
    const dir = copyCheckout();
    rmSync(join(dir, "migration"), { recursive: true });
    const app = join(dir, ONE_USE);
    const text = readFileSync(app, "utf8");
    const without = text
      .replace(/^import \{ adoptVoidState \} from "\.\.\/migration";\n/m, "")
      .replace(/\{ adopt: adoptVoidState \}|, adopt: adoptVoidState/, (found) =>
        found.startsWith("{") ? "{}" : "",
      );
    assert.notEqual(without, text, `${ONE_USE} adopts through migration/`);
    assert.doesNotMatch(without, /migration|adoptVoidState/, `${ONE_USE} keeps no trace of it`);
    writeFileSync(app, without);

    const launch = (command: string) =>
      spawnSync(process.execPath, [join(dir, "cli", "launch.cjs"), command], { cwd: dir, encoding: "utf8" });
    const validate = launch("validate");
    assert.equal(validate.status, 0, validate.stderr);
    const synth = launch("synth");
    assert.equal(synth.status, 0, synth.stderr);
    const github = readFileSync(join(dir, "cdktf.out", "stacks", "github", "cdk.tf.json"), "utf8");
    assert.equal(JSON.parse(github).moved, undefined, "nothing adopts the old state any more");
    assert.ok(relative(REPO_ROOT, dir).startsWith(".."), "the checkout itself is untouched");
  });
});
