import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { buildSync } from "esbuild";
import { bundleBot } from "../../review/bot/bundle";
import { copyCheckout, REPO_ROOT, tempDir } from "../support/project";

interface Recipe {
  readonly module: string;
  readonly make?: string;
  readonly of?: string;
}
// The launcher is plain CommonJS, run by node without a loader.
const launcher = require("../../cli/launch.cjs") as {
  COMMANDS: Record<string, Recipe>;
  entryCode: (recipe: Recipe) => string;
};

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
const RUNTIME_DEPENDENCIES = new Set(Object.keys(pkg.dependencies));

const packageSets = new Map<string, ReadonlySet<string>>();

/** The npm packages a command's bundle is built from, as esbuild resolves them (bundled once per command). */
function packagesOf(command: string): ReadonlySet<string> {
  let found = packageSets.get(command);
  if (!found) {
    found = bundledPackages(command);
    packageSets.set(command, found);
  }
  return found;
}

function bundledPackages(command: string): Set<string> {
  const recipe = launcher.COMMANDS[command];
  assert.ok(recipe, command);
  const { metafile } = buildSync({
    stdin: { contents: launcher.entryCode(recipe), resolveDir: REPO_ROOT, loader: "js" },
    bundle: true,
    platform: "node",
    format: "cjs",
    write: false,
    metafile: true,
    outfile: "bundle.cjs",
    logLevel: "silent",
  });
  return new Set(
    Object.keys(metafile.inputs).flatMap((file) => {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
      return name ? [name] : [];
    }),
  );
}

describe("every command runs from a bundle of what it needs", () => {
  test("no command but the workflow linter needs a development package: `npm ci --omit=dev` runs them", () => {
    for (const command of Object.keys(launcher.COMMANDS).filter((c) => c !== "lint-workflows")) {
      const extra = [...packagesOf(command)].filter((name) => !RUNTIME_DEPENDENCIES.has(name));
      assert.deepEqual(extra, [], command);
    }
  });

  test("Void's synth loads neither the AWS nor the Google provider", () => {
    const packages = packagesOf("synth");
    assert.ok(packages.has("cdktf") && packages.has("@cdktf/provider-digitalocean"));
    assert.ok(!packages.has("@cdktf/provider-aws") && !packages.has("@cdktf/provider-google"));
  });

  test("validate, a maintainer's loop, and the inventory Ansible runs on every play load no cdktf and no provider", () => {
    for (const command of ["validate", "inventory"]) {
      const packages = [...packagesOf(command)];
      assert.deepEqual(
        packages.filter((name) => name === "cdktf" || name === "constructs" || name.startsWith("@cdktf/")),
        [],
        command,
      );
    }
  });

  test("commands whose packages read their own files at run time work from their bundles", () => {
    const launch = (...args: string[]) =>
      spawnSync(process.execPath, [join(REPO_ROOT, "cli", "launch.cjs"), ...args], {
        cwd: REPO_ROOT,
        encoding: "utf8",
      });
    const lint = launch("lint-workflows", ".github/workflows/review-events.yml");
    assert.equal(lint.status, 0, lint.stderr);
    const bots = launch("bots", "--check");
    assert.equal(bots.status, 0, bots.stderr);
  });

  test("a bot bundles to the same script in a worktree whose node_modules is a symlink", () => {
    const dir = tempDir("bot-");
    for (const entry of ["review", "runtime"])
      cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
    for (const file of ["package.json", "tsconfig.json"]) cpSync(join(REPO_ROOT, file), join(dir, file));
    symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
    const linked = bundleBot(dir, "plan-comment");
    assert.match(linked, /\/\/ node_modules\/diff\//);
    assert.equal(linked, bundleBot(REPO_ROOT, "plan-comment"));
  });

  test("an edited source is never served from a stale bundle", () => {
    const dir = copyCheckout();
    const validate = () =>
      spawnSync(process.execPath, [join(dir, "cli", "launch.cjs"), "validate"], {
        cwd: dir,
        encoding: "utf8",
      });

    assert.match(validate().stdout, /^ok: \d+ maintainers/);
    const source = join(dir, "cli", "validate.ts");
    writeFileSync(source, readFileSync(source, "utf8").replace("`ok: ${", "`fine: ${"));
    assert.match(validate().stdout, /^fine: \d+ maintainers/, "the edit shows at once");
  });
});
