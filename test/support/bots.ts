import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parse } from "yaml";
import { bundleBot, withBundledBots } from "../../review/bot/bundle";
import { REPO_ROOT } from "./project";

/**
 * Runs the generated github-script steps of the workflows the way actions/github-script does: the
 * committed script text (the bundle `npm run bots` wrote), as the body of an async function of
 * `require`, `github`, `context`, `core` and `process`, against a fake GitHub.
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
 * Fails unless the generated scripts of `.github/workflows/<file>`, `entry`'s among them, are the
 * current bundles of their sources, compared as `npm run bots -- --check` compares them (the
 * workflow's text, indentation and trailing newline included), bundling only this file's bots.
 */
export function assertCurrentBundle(file: string, entry: string): void {
  const text = readFileSync(join(REPO_ROOT, ".github", "workflows", file), "utf8");
  const generated: string[] = [];
  const fresh = withBundledBots(text, (found) => {
    generated.push(found);
    return bundleBot(REPO_ROOT, found);
  });
  assert.ok(generated.includes(entry), `${file} generates ${generated.join(", ")}, not ${entry}`);
  assert.ok(fresh === text, `${file}: a script is not the current bundle of its source; run npm run bots`);
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

/** Runs `script` with these globals; `env` is what the step's `env:` and the runner set. */
export async function runScript(
  script: string,
  globals: { github: unknown; context: unknown; core: unknown; env?: Record<string, string> },
): Promise<void> {
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
  const run = new AsyncFunction("require", "github", "context", "core", "process", script);
  const env = { ...process.env, ...globals.env };
  await run(createRequire(__filename), globals.github, globals.context, globals.core, { ...process, env });
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
