import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parse } from "yaml";
import { expectedEnv, workflowStackLists } from "../../../app/stack-lists/workflow";
import { formatDiagnostic } from "../../../runtime/diagnostics";
import { STACKS } from "../../../stacks";
import { isSecretVariable } from "../../../stacks/stack-registry";
import { projectAt } from "../../../workflow-lint/project";
import { parseWorkflow } from "../../../workflow-lint/workflow";
import { REPO_ROOT } from "../../support/project";
import { committedWorkflows } from "../../support/workflows";

const WORKFLOWS = committedWorkflows();
const IDS = STACKS.stacks.map((stack) => stack.id);
const VARIABLES = [...STACKS.stateEnv, ...STACKS.stacks.flatMap((stack) => stack.env)];
const NAMES = new Set(VARIABLES.map((v) => v.env));

const PROJECT = projectAt(REPO_ROOT);
const check = (file: string, text: string) =>
  workflowStackLists(file, parseWorkflow(file, text), STACKS, PROJECT);
const lines = (text: string) => text.split("\n");

/** Every place of the repository's workflows that names the stacks: a list's line, or an env line of a registry variable. */
interface Site {
  readonly file: string;
  readonly text: string;
  /** 1-based line. */
  readonly line: number;
  readonly kind: "list" | "env";
  /** The line of the first variable of the step's env: where a forgotten variable is reported. */
  readonly envStart: number;
}

const SITES: Site[] = WORKFLOWS.flatMap(({ file, text }) =>
  lines(text).flatMap((line, index): Site[] => {
    const site = { file, text, line: index + 1, envStart: 0 };
    if (/^\s+(stack|options): \[/.test(line)) return [{ ...site, kind: "list" }];
    const name = /^\s+([A-Z_]+): \$\{\{/.exec(line)?.[1];
    if (!name || !NAMES.has(name)) return [];
    const env = lines(text)
      .slice(0, index)
      .findLastIndex((l) => /^\s+env:\s*$/.test(l));
    return [{ ...site, kind: "env", envStart: env + 2 }];
  }),
);

/** A change to one site that forgets, misnames, rebinds or adds: the workflow with it, and whether npm run stacks may undo it. */
interface Mutation {
  readonly text: string;
  readonly fixable: boolean;
  readonly about: string;
}

const withLine = (site: Site, line: string | undefined): string => {
  const all = lines(site.text);
  if (line === undefined) all.splice(site.line - 1, 1);
  else all[site.line - 1] = line;
  return all.join("\n");
};

/** Change `kind` (0-2) of the site, `pick` choosing the stack or name it touches. */
function mutation(site: Site, kind: number, pick: number): Mutation {
  const line = lines(site.text)[site.line - 1] ?? "";
  if (site.kind === "list") {
    const [, head = "", items = ""] = /^(.*\[)(.*)\]$/.exec(line) ?? [];
    const names = items.split(", ");
    const i = pick % names.length;
    const list = (changed: string[]) => withLine(site, `${head}${changed.join(", ")}]`);
    if (kind === 0)
      return { text: list(names.filter((_, j) => j !== i)), fixable: true, about: `forgets ${names[i]}` };
    if (kind === 1)
      return {
        text: list(names.map((n, j) => (j === i ? `${n.slice(0, -1)}x` : n))),
        fixable: true,
        about: `misnames ${names[i]}`,
      };
    return { text: list([...names, names[i] ?? ""]), fixable: true, about: `names ${names[i]} twice` };
  }
  const [, indent = "", name = ""] = /^(\s+)([A-Z_]+):/.exec(line) ?? [];
  if (kind === 0) return { text: withLine(site, undefined), fixable: true, about: `forgets ${name}` };
  if (kind === 1) {
    const id = IDS[pick % IDS.length];
    return {
      text: withLine(site, `${indent}${name}: \${{ inputs.stack == '${id}' && secrets.${name} || '' }}`),
      fixable: true,
      about: `gives ${name} to ${id} only`,
    };
  }
  return {
    text: withLine(site, `${line}\n${indent}EXTRA_TOKEN: \${{ secrets.EXTRA_TOKEN }}`),
    fixable: false,
    about: "adds a variable the registry does not have",
  };
}

describe("the workflows' stack lists and credentials, against the stack registry", () => {
  test("every workflow of the repository names every stack and gives each step its stacks' variables", () => {
    for (const { file, text } of WORKFLOWS) {
      const { diagnostics, fresh } = check(file, text);
      assert.deepEqual(diagnostics.map(formatDiagnostic), [], file);
      assert.equal(fresh, text, file);
    }
  });

  test("any list that forgets, misnames or repeats a stack, and any step that forgets, rebinds or adds a variable, is refused at its line; npm run stacks undoes it byte for byte", () => {
    const cases = fc
      .record({ site: fc.nat(SITES.length - 1), kind: fc.nat(2), pick: fc.nat(40) })
      .filter(({ site, kind, pick }) => mutation(SITES[site] as Site, kind, pick).text !== SITES[site]?.text);
    fc.assert(
      fc.property(cases, ({ site: index, kind, pick }) => {
        const site = SITES[index] as Site;
        const change = mutation(site, kind, pick);
        const { diagnostics, fresh } = check(site.file, change.text);
        const shown = `${site.file}:${site.line} ${change.about}:\n${diagnostics.map(formatDiagnostic).join("\n")}`;
        // At the changed line, or (a forgotten variable) at the first line of its step's env.
        const at = site.kind === "env" && change.about.startsWith("forgets") ? site.envStart : site.line;
        assert.ok(
          diagnostics.some((d) => d.line === at || (change.about.startsWith("adds") && d.line === at + 1)),
          shown,
        );
        for (const d of diagnostics) assert.match(d.message, /\(expected .*\)$/, shown);
        if (change.fixable) assert.ok(fresh === site.text, `${shown}\nnot restored`);
        else assert.equal(fresh, undefined, shown);
      }),
      { numRuns: 200 },
    );
  });

  test("every step that runs Terraform in a job with an environment sets exactly the registry's variables", () => {
    let steps = 0;
    for (const { file, text } of WORKFLOWS) {
      const workflow = parse(text) as {
        jobs: Record<string, { environment?: string; steps?: { run?: string; env?: object }[] }>;
      };
      for (const [id, job] of Object.entries(workflow.jobs)) {
        if (!job.environment) continue;
        for (const step of job.steps ?? []) {
          const script = /^bash (\.github\/scripts\/[\w-]+\.sh)$/.exec(step.run ?? "")?.[1];
          if (!script || !/\bterraform -chdir/.test(readFileSync(join(REPO_ROOT, script), "utf8"))) continue;
          steps++;
          assert.deepEqual(Object.keys(step.env ?? {}).sort(), [...NAMES].sort(), `${file} ${id}: ${script}`);
        }
      }
    }
    assert.ok(steps > 0);
  });

  test("the messages name what is wrong, with a did-you-mean", () => {
    const drift = WORKFLOWS.find((w) => w.file.endsWith("drift.yml"));
    assert.ok(drift);
    const text = drift.text.replace(`stack: [${IDS.join(", ")}]`, "stack: [github, hashistak]");
    const found = check(drift.file, text).diagnostics.map(formatDiagnostic);
    const others = IDS.filter((id) => id !== "github");
    assert.match(
      found[0] ?? "",
      new RegExp(
        `^\\.github/workflows/drift\\.yml:\\d+:16: jobs\\.plan\\.strategy\\.matrix\\.stack: lacks stacks ${others.join(", ")}; names hashistak, which is no stack \\(did you mean "hashistack"\\?\\) \\(expected \\[${IDS.join(", ")}\\] from stacks/registry\\.ts; npm run stacks writes them\\)$`,
      ),
    );
  });

  test("a workflow written later is held to the registry too, in its own style, whatever the case of its keys", () => {
    const text = [
      "name: nightly",
      "on:",
      "  Workflow_Dispatch:",
      "    inputs:",
      "      Stack:",
      "        type: choice",
      "        options:",
      "          - github",
      "permissions: {}",
      "jobs:",
      "  by-hand:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - run: bash .github/scripts/review-plan.sh",
      "        env: { TF_HTTP_USERNAME: '${{ secrets.TF_HTTP_USERNAME }}' }",
      "  each:",
      "    runs-on: ubuntu-latest",
      "    strategy:",
      "      matrix:",
      "        stack: ${{ fromJSON(vars.STACKS) }}",
      "    steps:",
      "      - run: bash .github/scripts/drift-plan.sh",
      "        env:",
      "          GITHUB_TOKEN: ${{ secrets.TF_GITHUB_TOKEN }}",
      "      - run: npm run validate",
      "        env:",
      "          TF_HTTP_PASSWORD: ${{ secrets.TF_HTTP_PASSWORD }}",
      "",
    ].join("\n");
    const { diagnostics, fresh } = check(".github/workflows/nightly.yml", text);
    const found = diagnostics.map((d) => `${d.line}:${d.col} ${d.field}: ${d.message}`);
    const others = IDS.filter((id) => id !== "github");
    for (const expected of [
      `8:11 on.Workflow_Dispatch.inputs.Stack.options: lacks stacks ${others.join(", ")} (expected [${IDS.join(", ")}] from stacks/registry.ts; npm run stacks writes them)`,
      "15:14 jobs.by-hand.steps[0].env: lacks GITHUB_TOKEN (expected GITHUB_TOKEN: ${{ inputs.stack == 'github' && secrets.TF_GITHUB_TOKEN || '' }} from stacks/registry.ts; npm run stacks writes them)",
      `20:16 jobs.each.strategy.matrix.stack: is not a list of stack names (expected [${IDS.join(", ")}] from stacks/registry.ts; npm run stacks writes them)`,
      "24:25 jobs.each.steps[0].env.GITHUB_TOKEN: is \"${{ secrets.TF_GITHUB_TOKEN }}\" (expected ${{ matrix.stack == 'github' && secrets.TF_GITHUB_TOKEN || '' }} from stacks/registry.ts; npm run stacks writes them)",
      "24:11 jobs.each.steps[0].env: lacks TF_HTTP_USERNAME (expected TF_HTTP_USERNAME: ${{ secrets.TF_HTTP_USERNAME }} from stacks/registry.ts; npm run stacks writes them)",
    ])
      assert.ok(found.includes(expected), `${expected}\nin:\n${found.join("\n")}`);
    assert.ok(!found.some((line) => line.includes("steps[1]")), "a step that runs no Terraform is not held");
    assert.ok(fresh !== undefined);
    assert.deepEqual(check(".github/workflows/nightly.yml", fresh).diagnostics.map(formatDiagnostic), []);
    // The block list stays a block list, the flow env a flow mapping; the rest keeps its bytes.
    assert.match(fresh, new RegExp(`        options:\\n${IDS.map((id) => `          - ${id}\\n`).join("")}`));
    assert.match(fresh, /^ {8}env: \{ TF_HTTP_USERNAME: "\$\{\{ secrets\.TF_HTTP_USERNAME \}\}", /m);
    assert.match(fresh, new RegExp(`^ {8}stack: \\[${IDS.join(", ")}\\]$`, "m"));
    assert.ok(fresh.startsWith(lines(text).slice(0, 7).join("\n")));
  });

  test("a step is held when it runs Terraform itself, as when a script it starts does", () => {
    const text = [
      "on: push",
      "jobs:",
      "  plan:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - run: env -u VAULT_TOKEN /usr/bin/terraform -chdir=cdktf.out/stacks/github plan",
      "        env:",
      "          GITHUB_TOKEN: ${{ secrets.TF_GITHUB_TOKEN }}",
      "",
    ].join("\n");
    const found = check(".github/workflows/x.yml", text).diagnostics.map(formatDiagnostic);
    assert.ok(
      found.some((line) => line.includes("jobs.plan.steps[0].env: lacks TF_HTTP_USERNAME")),
      found.join("\n"),
    );
  });

  test("a workflow that cannot be read is reported as such, and not rewritten", () => {
    const text = "on: push\njobs: &jobs\n  a: { runs-on: x, steps: [{ run: echo }] }\nother: *jobs\n";
    const { diagnostics, fresh } = check(".github/workflows/x.yml", text);
    assert.ok(diagnostics.some((d) => d.field === "(yaml)"));
    assert.equal(fresh, undefined);
  });
});

describe("which stacks get each variable", () => {
  /** The stacks an expression such as `(inputs.stack == 'a' || inputs.stack == 'b') && secrets.X || ''` gives the secret to. */
  const stacksOf = (value: string, selector: string) =>
    value.startsWith("${{ secrets.")
      ? IDS
      : [...value.matchAll(new RegExp(`${selector.replace(".", "\\.")} == '([a-z0-9-]+)'`, "g"))].map(
          (m) => m[1],
        );

  for (const selector of ["inputs.stack", "matrix.stack"])
    test(`with ${selector}, a secret reaches exactly the stacks whose entry reads it`, () => {
      const env = expectedEnv(STACKS, selector);
      assert.deepEqual([...env.keys()], [...NAMES]);
      for (const variable of VARIABLES) {
        const value = env.get(variable.env) ?? "";
        if (!isSecretVariable(variable)) {
          assert.equal(value, variable.value);
          continue;
        }
        const state = STACKS.stateEnv.some((v) => v.env === variable.env);
        const readers = state
          ? IDS
          : STACKS.stacks.filter((s) => s.env.some((v) => v.env === variable.env)).map((s) => s.id);
        assert.deepEqual(
          stacksOf(value, selector),
          readers.length === IDS.length ? IDS : readers,
          variable.env,
        );
        assert.match(value, new RegExp(`secrets\\.${variable.secret.name} `));
      }
    });

  test("a step that plans every stack gets every secret as is (stacks.sh keeps each process to its own)", () => {
    for (const [name, value] of expectedEnv(STACKS, undefined))
      assert.match(value, /^\$\{\{ secrets\.[A-Z_]+ \}\}$|^[^$]+$/, name);
  });
});
