import assert from "node:assert/strict";
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { acmeApp } from "../../../examples/acme/app";
import { acmeOrganization } from "../../../examples/acme/people";
import { ACME_ROOT } from "../../support/acme";
import { REPO_ROOT, tempDir } from "../../support/project";

/**
 * The construct library as another organization gets it: `npm pack` of the package, installed by
 * npm from that tarball into a directory outside this repository, offline, and used from there.
 * The peers it asks for are the app's own: here this checkout's copies, linked into the directory
 * above the app (as a monorepo's shared node_modules holds them), so npm is told not to fetch them.
 */
const LIBRARY_DIR = join(REPO_ROOT, "packages", "constructs");
const PACKAGE = JSON.parse(readFileSync(join(LIBRARY_DIR, "package.json"), "utf8")) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const MODULES = realpathSync(join(REPO_ROOT, "node_modules"));

/** Runs a command as a person would in `cwd`: npm's settings of the `npm test` that runs this file stay out. */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const own = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...own, ...env },
  });
  assert.equal(result.status, 0, `${command} ${args.join(" ")}\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** The tarball `npm pack` makes of a copy of the package (its prepack script builds dist/ there). */
function pack(): { tarball: string; files: string[]; dependencies: string[] } {
  const build = tempDir("library-build-");
  // The build compiles against the peers and runs this checkout's TypeScript.
  symlinkSync(MODULES, join(build, "node_modules"));
  cpSync(LIBRARY_DIR, join(build, "constructs"), {
    recursive: true,
    filter: (source) => !/[/\\](dist|node_modules)$/.test(source),
  });
  run("npm", ["pack", "--pack-destination", build], join(build, "constructs"));
  const tarball = join(build, `void-linux-infra-constructs-${PACKAGE.version}.tgz`);
  const files = run("tar", ["-tzf", tarball], build).split("\n").filter(Boolean);
  // What the package depends on (not its peers) comes from the registry; offline, from this
  // checkout's installed copies, packed the same way.
  for (const name of Object.keys(PACKAGE.dependencies))
    run("npm", ["pack", join(MODULES, name), "--pack-destination", build, "--ignore-scripts"], build);
  const dependencies = readdirSync(build)
    .filter((file) => file.endsWith(".tgz") && file !== tarball.slice(build.length + 1))
    .map((file) => join(build, file));
  return { tarball, files, dependencies };
}

/** A directory outside the repository with the peers linked in, and an app that installed the tarball. */
function install(packed: ReturnType<typeof pack>): string {
  const root = tempDir("library-consumer-");
  for (const name of [...Object.keys(PACKAGE.peerDependencies), "@types/node"]) {
    mkdirSync(dirname(join(root, "node_modules", name)), { recursive: true });
    symlinkSync(join(MODULES, name), join(root, "node_modules", name));
  }
  const app = join(root, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "acme-infra", private: true })}\n`);
  run(
    "npm",
    [
      "install",
      "--offline",
      "--legacy-peer-deps",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      packed.tarball,
      ...packed.dependencies,
    ],
    app,
  );
  return app;
}

const packed = pack();
const app = install(packed);
const subpaths = Object.keys(PACKAGE.exports)
  .filter((key) => key !== "./package.json")
  .map((key) => `${PACKAGE.name}${key.slice(1)}`);

/** The packages a fresh node process has loaded after requiring `specifiers` in the app. */
function loadedBy(...specifiers: string[]): Set<string> {
  const script = `${specifiers.map((s) => `require(${JSON.stringify(s)});`).join("")}
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const files = JSON.parse(run(process.execPath, ["-e", script], app)) as string[];
  return new Set(files.flatMap((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? []));
}

describe("the construct library, packed and installed outside the repository", () => {
  test("npm pack makes compiled JavaScript with declarations, and every export is in it", () => {
    const dist = packed.files.filter((file) => file.startsWith("package/dist/"));
    assert.ok(dist.length > 0);
    assert.deepEqual(
      dist.filter((file) => !/\.(js|d\.ts)$/.test(file)),
      [],
    );
    assert.deepEqual(packed.files.filter((file) => !file.startsWith("package/dist/")).sort(), [
      "package/LICENSE",
      "package/README.md",
      "package/package.json",
    ]);
    for (const target of Object.values(PACKAGE.exports).flatMap((e) =>
      typeof e === "string" ? [] : Object.values(e as Record<string, string>),
    ))
      assert.ok(packed.files.includes(`package/${target.slice(2)}`), target);
  });

  test("a subpath loads the AWS or Google provider only when it is their backend or factory", () => {
    for (const subpath of subpaths) {
      const loaded = loadedBy(subpath);
      assert.equal(loaded.has("@cdktf/provider-aws"), /\/(dns|host)\/aws$/.test(subpath), subpath);
      assert.equal(loaded.has("@cdktf/provider-google"), /\/(dns|host)\/google$/.test(subpath), subpath);
    }
  });

  test("DNS and hosts on DigitalOcean load neither the AWS nor the Google provider", () => {
    const loaded = loadedBy(
      `${PACKAGE.name}/dns`,
      `${PACKAGE.name}/dns/digitalocean`,
      `${PACKAGE.name}/host`,
      `${PACKAGE.name}/host/digitalocean`,
    );
    assert.ok(loaded.has("cdktf") && loaded.has("@cdktf/provider-digitalocean"));
    assert.ok(!loaded.has("@cdktf/provider-aws") && !loaded.has("@cdktf/provider-google"));
  });

  test("the light subpaths load no CDK runtime and no provider", () => {
    for (const light of [
      "dns/absolute-name",
      "github/login",
      "mirror/region",
      "nomad/policy-document",
      "vault/policy-document",
    ]) {
      const loaded = [...loadedBy(`${PACKAGE.name}/${light}`)];
      assert.deepEqual(
        loaded.filter((name) => name === "cdktf" || name === "constructs" || name.startsWith("@cdktf/")),
        [],
        light,
      );
    }
  });

  test("examples/acme, copied there, type-checks against the package and synthesizes what the sources do", () => {
    cpSync(join(REPO_ROOT, "examples", "acme"), join(app, "acme"), { recursive: true });
    // Acme's people come through this repository's one-file flow, which is not in the package: an
    // app elsewhere reads its people its own way. Here they arrive as the data the flow made.
    const organization = acmeOrganization(ACME_ROOT);
    writeFileSync(join(app, "organization.json"), JSON.stringify(organization));
    writeFileSync(
      join(app, "acme", "packed-main.ts"),
      [
        'import { readFileSync } from "node:fs";',
        'import { acmeApp } from "./app";',
        'acmeApp(process.env.CDKTF_OUTDIR ?? "cdktf.out", JSON.parse(readFileSync("organization.json", "utf8"))).synth();',
      ].join("\n"),
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      `${JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          skipLibCheck: true,
          types: ["node"],
          outDir: "out",
        },
        files: ["acme/packed-main.ts"],
      })}\n`,
    );
    run(process.execPath, [join(MODULES, "typescript", "bin", "tsc"), "-p", app], app);
    const outdir = join(app, "cdktf.out");
    run(process.execPath, [join(app, "out", "packed-main.js")], app, { CDKTF_OUTDIR: outdir });

    const fromSources = join(tempDir("acme-sources-"), "cdktf.out");
    acmeApp(fromSources, organization).synth();
    const stacks = readdirSync(join(fromSources, "stacks")).sort();
    assert.deepEqual(readdirSync(join(outdir, "stacks")).sort(), stacks);
    for (const stack of stacks) {
      const json = readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8");
      assert.equal(json, readFileSync(join(fromSources, "stacks", stack, "cdk.tf.json"), "utf8"), stack);
      for (const machinePath of [app, REPO_ROOT])
        assert.ok(!json.includes(machinePath), `${stack}: ${machinePath}`);
    }
  });
});
