import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { STACKS } from "../../stacks";
import { copyCheckout, REPO_ROOT } from "../support/project";

/**
 * The README's "Adding a stack", done in a copy of the checkout: a new stack is one entry in
 * stacks/registry.ts and its file in stacks/. Until both exist and `npm run stacks` has run, every
 * place that lists the stacks fails; after it, nothing else needs an edit. A workflow edited by hand
 * that forgets or misnames the stack fails `npm run lint:workflows`, which CI runs.
 */

/** What `npm run stacks` writes besides the checkout's code. */
const LISTS = [".github", "README.md", "docs/workflows.md"];
const NEW = "cdn";
const IDS = [...STACKS.stacks.map((s) => s.id), NEW];
/** The new stack reads what the fastly stack reads: it is a second CDN service, made from stacks/fastly.ts. */
const FASTLY = STACKS.stacks.find((s) => s.id === "fastly");

function checkout(): { dir: string; launch: (...args: string[]) => { status: number | null; out: string } } {
  const dir = copyCheckout();
  mkdirSync(join(dir, "docs"), { recursive: true });
  for (const path of LISTS) cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  const launch = (...args: string[]) => {
    const run = spawnSync(process.execPath, [join(dir, "cli", "launch.cjs"), ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, INFRA_BACKEND: "http" },
    });
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  };
  return { dir, launch };
}

/** Adds the registry entry of stack `cdn` (before its file exists). */
function addEntry(dir: string, stateKey = `prod/${NEW}`): void {
  const path = join(dir, "stacks", "registry.ts");
  const text = readFileSync(path, "utf8");
  const end = text.lastIndexOf("});") + "})".length;
  const entry = `
  .add("${NEW}", {
    stateKey: "${stateKey}",
    holds: "a second CDN service",
    env: ${JSON.stringify(FASTLY?.env)},
    build: (scope, id, { inputs, state }) => new CdnStack(scope, id, { cdn: inputs.estate.fastly, state }),
  })`;
  writeFileSync(
    path,
    `import { CdnStack } from "./${NEW}";\n${text.slice(0, end)}${entry}${text.slice(end)}`,
  );
}

/** The stack's file: stacks/fastly.ts under another name, as the README suggests starting from it. */
function addStackFile(dir: string): void {
  const fastly = readFileSync(join(dir, "stacks", "fastly.ts"), "utf8");
  writeFileSync(join(dir, "stacks", `${NEW}.ts`), fastly.replaceAll("FastlyStack", "CdnStack"));
}

const lines = (out: string) => out.split("\n");
const has = (out: string, pattern: RegExp) =>
  assert.ok(
    lines(out).some((l) => pattern.test(l)),
    `${pattern} in:\n${out}`,
  );

/** The files of `dir` under `.github/` and the docs that differ from the checkout's. */
function changedLists(dir: string): string[] {
  const files = (root: string, sub: string): string[] =>
    readdirSync(join(root, sub), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(root, `${sub}/${e.name}`) : [`${sub}/${e.name}`],
    );
  return [...files(dir, ".github"), "README.md", "docs/workflows.md"]
    .filter((path) => readFileSync(join(dir, path), "utf8") !== readFileSync(join(REPO_ROOT, path), "utf8"))
    .sort();
}

describe("a new stack is one registry entry and one stack file", () => {
  test("every place fails until the file exists and npm run stacks has run; then nothing else needs an edit", () => {
    assert.ok(FASTLY, "the fastly stack is the template");
    const { dir, launch } = checkout();
    addEntry(dir);

    // The entry without its file: nothing that reads the registry builds (synth, npm run stacks, the linter alike).
    const without = launch("synth");
    assert.equal(without.status, 1, without.out);
    has(without.out, new RegExp(`Could not resolve "\\./${NEW}"`));

    addStackFile(dir);
    // The app builds it at once, on its own state key.
    const synth = launch("synth");
    assert.equal(synth.status, 0, synth.out);
    const stack = JSON.parse(readFileSync(join(dir, "cdktf.out", "stacks", NEW, "cdk.tf.json"), "utf8"));
    assert.match(stack.terraform.backend.http.address, new RegExp(`/prod/${NEW}$`));

    // Every list of the workflows, stacks.sh and the docs does not have it yet.
    const expected = `\\(expected \\[${IDS.join(", ")}\\] from stacks/registry\\.ts; npm run stacks writes them\\)`;
    const readers = `\\(inputs\\.stack == 'fastly' \\|\\| inputs\\.stack == '${NEW}'\\)`;
    const stale = [
      new RegExp(
        `^\\.github/workflows/apply\\.yml:\\d+:\\d+: on\\.workflow_dispatch\\.inputs\\.stack\\.options: lacks stack ${NEW} ${expected}$`,
      ),
      new RegExp(
        `^\\.github/workflows/drift\\.yml:\\d+:\\d+: jobs\\.plan\\.strategy\\.matrix\\.stack: lacks stack ${NEW} ${expected}$`,
      ),
      new RegExp(
        `^\\.github/workflows/drift\\.yml:\\d+:\\d+: jobs\\.report\\.strategy\\.matrix\\.stack: lacks stack ${NEW} ${expected}$`,
      ),
      ...["review", "apply"].map(
        (job) =>
          new RegExp(
            `^\\.github/workflows/apply\\.yml:\\d+:\\d+: jobs\\.${job}\\.steps\\[\\d+\\]\\.env\\.FASTLY_API_KEY: is .* \\(expected \\$\\{\\{ ${readers} && secrets\\.FASTLY_API_KEY`,
          ),
      ),
      /^\.github\/workflows\/drift\.yml:\d+:\d+: jobs\.plan\.steps\[\d+\]\.env\.FASTLY_API_KEY: is .* \(expected \$\{\{ \(matrix\.stack == 'fastly' \|\| matrix\.stack == 'cdn'\) && secrets\.FASTLY_API_KEY/,
      /^\.github\/scripts\/stacks\.sh: \(file\): differs from the stacks of stacks\/registry\.ts \(run npm run stacks\)$/,
    ];
    const check = launch("stacks", "--check");
    assert.equal(check.status, 1, check.out);
    for (const pattern of [
      ...stale,
      /^README\.md: \(file\): its table differs from stacks\/registry\.ts/,
      /^docs\/workflows\.md: \(file\): its table differs from stacks\/registry\.ts/,
    ])
      has(check.out, pattern);
    // apply.yml's three terraform steps (review, apply: plan and apply) each lack the new reader.
    assert.equal(
      lines(check.out).filter((l) => /apply\.yml.*env\.FASTLY_API_KEY/.test(l)).length,
      3,
      check.out,
    );
    const lint = launch("lint-workflows");
    assert.equal(lint.status, 1, lint.out);
    for (const pattern of stale) has(lint.out, pattern);

    // npm run stacks writes it everywhere; then every check passes.
    const write = launch("stacks");
    assert.equal(write.status, 0, write.out);
    assert.deepEqual(changedLists(dir), [
      ".github/scripts/stacks.sh",
      ".github/workflows/apply.yml",
      ".github/workflows/drift.yml",
      "README.md",
      "docs/workflows.md",
    ]);
    for (const command of [["stacks", "--check"], ["lint-workflows"]]) {
      const run = launch(...command);
      assert.equal(run.status, 0, `${command.join(" ")}: ${run.out}`);
    }
    const script = readFileSync(join(dir, ".github", "scripts", "stacks.sh"), "utf8");
    assert.match(script, new RegExp(`^    ${NEW}\\) echo FASTLY_API_KEY ;;$`, "m"));
    assert.match(
      readFileSync(join(dir, "README.md"), "utf8"),
      new RegExp(`^\\| \`${NEW}\` \\| \`prod/${NEW}\` \\| a second CDN service \\|$`, "m"),
    );

    // A workflow edited by hand that forgets or misnames the stack, or a new one that never knew it, fails.
    const drift = join(dir, ".github", "workflows", "drift.yml");
    const text = readFileSync(drift, "utf8");
    const list = `[${IDS.join(", ")}]`;
    const forgetful = text.replace(list, `[${IDS.filter((id) => id !== NEW).join(", ")}]`);
    writeFileSync(
      drift,
      forgetful.replace(list, `[${IDS.map((id) => (id === NEW ? "cdm" : id)).join(", ")}]`),
    );
    writeFileSync(
      join(dir, ".github", "workflows", "nightly.yml"),
      text.replace("name: drift", "name: nightly").replaceAll(`, ${NEW}]`, "]"),
    );
    const forgot = launch("lint-workflows");
    assert.equal(forgot.status, 1, forgot.out);
    has(
      forgot.out,
      new RegExp(
        `^\\.github/workflows/drift\\.yml:\\d+:\\d+: jobs\\.plan\\.strategy\\.matrix\\.stack: lacks stack ${NEW} `,
      ),
    );
    has(
      forgot.out,
      new RegExp(
        `^\\.github/workflows/drift\\.yml:\\d+:\\d+: jobs\\.report\\.strategy\\.matrix\\.stack: lacks stack ${NEW}; names cdm, which is no stack \\(did you mean "${NEW}"\\?\\)`,
      ),
    );
    for (const job of ["plan", "report"])
      has(
        forgot.out,
        new RegExp(
          `^\\.github/workflows/nightly\\.yml:\\d+:\\d+: jobs\\.${job}\\.strategy\\.matrix\\.stack: lacks stack ${NEW} `,
        ),
      );
  });
});
