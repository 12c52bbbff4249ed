import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { botSourcePath, bundleBot } from "../../review/bot/bundle";
import { botBundlePath, botOfScript, botScript } from "../../workflow-lint/bot-script";
import { REPO_ROOT } from "./project";

/**
 * Runs the bot steps of the workflows the way actions/github-script does: the step's script, as
 * the body of an async function of `require`, `github`, `context`, `core` and `process`, whose
 * `require` loads a relative path from the checkout (the committed bundle, `.github/bots/`),
 * against a fake GitHub.
 */

interface WorkflowStep {
  readonly name?: string;
  readonly with?: { readonly script?: string };
}

/** The script of the step named `step` in job `job` of `.github/workflows/<file>`. */
export function workflowScript(file: string, job: string, step: string): string {
  const workflow = parse(readFileSync(join(REPO_ROOT, ".github", "workflows", file), "utf8"));
  const found = (workflow.jobs[job].steps as WorkflowStep[]).find((s) => s.name === step);
  if (!found?.with?.script) throw new Error(`${file}: no script in ${job} / ${step}`);
  return found.with.script;
}

/**
 * Fails unless a step of `.github/workflows/<file>` runs the bot whose source is `entry`
 * (`review/bot/<name>.ts`), exactly as `botScript` writes it, and its committed bundle is the
 * current bundle of that source, byte for byte, as `npm run bots -- --check` compares them.
 */
export function assertCurrentBundle(file: string, entry: string): void {
  const name = basename(entry, ".ts");
  assert.equal(botSourcePath(name), entry);
  const workflow = parse(readFileSync(join(REPO_ROOT, ".github", "workflows", file), "utf8"));
  const scripts = Object.values<{ steps?: WorkflowStep[] }>(workflow.jobs).flatMap((job) =>
    (job.steps ?? []).flatMap((step) => (step.with?.script === undefined ? [] : [step.with.script])),
  );
  assert.ok(
    scripts.some((script) => botOfScript(script) === name && script === botScript(name)),
    `${file} runs ${scripts.map(botOfScript).join(", ")}, not ${name}`,
  );
  assert.ok(
    readFileSync(join(REPO_ROOT, botBundlePath(name)), "utf8") === bundleBot(REPO_ROOT, name),
    `${botBundlePath(name)} is not the current bundle of ${entry}; run npm run bots`,
  );
}

/** A core (logger) that records what the script says. */
export function fakeCore() {
  const failed: string[] = [];
  const warnings: string[] = [];
  const infos: string[] = [];
  const outputs: Record<string, string> = {};
  return {
    failed,
    warnings,
    infos,
    outputs,
    setFailed: (message: string) => failed.push(message),
    warning: (message: string) => warnings.push(message),
    info: (message: string) => infos.push(message),
    setOutput: (name: string, value: string) => {
      outputs[name] = value;
    },
  };
}

/**
 * Runs `script` with these globals; `env` is what the step's `env:` and the runner set. As in
 * github-script, `require` of a relative path loads it from the checkout (`REPO_ROOT`); the module
 * sees the step's `process`, as it would in the step's own process.
 */
export async function runScript(
  script: string,
  globals: { github: unknown; context: unknown; core: unknown; env?: Record<string, string> },
): Promise<void> {
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
  const run = new AsyncFunction("require", "github", "context", "core", "process", script);
  const stepProcess = { ...process, env: { ...process.env, ...globals.env } };
  await run(checkoutRequire(stepProcess), globals.github, globals.context, globals.core, stepProcess);
}

/** github-script's `require`: a relative path from the checkout, as a CommonJS module of `stepProcess`. */
function checkoutRequire(stepProcess: unknown) {
  const packages = createRequire(join(REPO_ROOT, "package.json"));
  return (id: string): unknown => {
    if (!id.startsWith(".")) return packages(id);
    const file = resolve(REPO_ROOT, id);
    const module = { exports: {} };
    const body = readFileSync(file, "utf8");
    new Function("exports", "require", "module", "__filename", "__dirname", "process", body)(
      module.exports,
      createRequire(file),
      module,
      file,
      dirname(file),
      stepProcess,
    );
    return module.exports;
  };
}

/** A comment as the GitHub API lists it. */
export interface FakeComment {
  id: number;
  user: { login: string };
  body: string;
}

/** A GitHub whose issue comments live in memory, with whatever else a test adds to `rest`. */
export function fakeGitHub(
  comments: FakeComment[],
  lists: Map<unknown, unknown[]>,
  rest: Record<string, unknown>,
) {
  const created: { issue_number: number; body: string }[] = [];
  const updated: { id: number; body: string }[] = [];
  lists.set("listComments", comments);
  const github = {
    paginate: async (endpoint: unknown) => lists.get(endpoint) ?? [],
    rest: {
      ...rest,
      issues: {
        listComments: "listComments",
        createComment: async ({ issue_number, body }: { issue_number: number; body: string }) => {
          created.push({ issue_number, body });
          return { data: { id: 1000 + created.length } };
        },
        updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
          updated.push({ id: comment_id, body });
          return { data: {} };
        },
      },
    },
  };
  return { github, created, updated };
}
