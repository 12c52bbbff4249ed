import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { REPO_ROOT } from "../support/project";
import { committedWorkflows } from "../support/workflows";

/**
 * The fingerprint key's confinement (docs/workflows.md, "Plan fingerprints"): the key exists only
 * in the steps that compute fingerprints, of jobs in the environments that plan with credentials
 * (`plan-pr`, `plan`, `production`); no step that runs terraform, and no job without one of those
 * environments, ever holds it; and the fingerprints apply compares are made by the one command.
 */

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  environment?: string;
  steps?: Step[];
}

const WORKFLOWS = committedWorkflows();
const KEY = /\$\{\{\s*secrets\.PLAN_FINGERPRINT_KEY\s*\}\}/i;
const FINGERPRINT = /^ *(?:line="\$\()?npm run --silent plan-fingerprint -- /m;

/** What a step runs: its `run:` text, or the repository script it calls. */
function runs(step: Step): string {
  const script = /^bash (\.github\/scripts\/[\w.-]+\.sh)\b/.exec(step.run ?? "")?.[1];
  return script ? readFileSync(join(REPO_ROOT, script), "utf8") : (step.run ?? "");
}

/** Every step of every job, with where it is and what it runs. */
const steps = WORKFLOWS.flatMap(({ name, text }) =>
  Object.entries((parse(text) as { jobs: Record<string, Job> }).jobs).flatMap(([id, job]) =>
    (job.steps ?? []).map((step) => ({
      where: `${name} ${id} ${step.name ?? step.run}`,
      job,
      step,
      code: runs(step),
    })),
  ),
);

describe("the plan fingerprint key stays in the steps that compute fingerprints", () => {
  test("only fingerprint steps of plan-pr, plan and production jobs hold it, under its own name", () => {
    const holders = steps.filter(({ step }) => KEY.test(JSON.stringify(step)));
    assert.deepEqual(
      holders.map(({ where }) => where),
      [
        "apply.yml review Fingerprint of this plan",
        "apply.yml apply Check against the reviewed plan",
        "plan-pr.yml plan-pr Plan fingerprints, for apply",
        "plan.yml plan Plan fingerprints, for apply",
      ],
    );
    for (const { where, job, step } of holders) {
      assert.ok(["plan-pr", "plan", "production"].includes(job.environment ?? ""), where);
      assert.match(step.env?.PLAN_FINGERPRINT_KEY ?? "", KEY, where);
      assert.match(runs(step), FINGERPRINT, where);
      assert.doesNotMatch(runs(step), /\bterraform\b/, where);
      const others = Object.entries(step.env ?? {}).filter(([name]) => name !== "PLAN_FINGERPRINT_KEY");
      assert.ok(
        others.every(([, value]) => !/secrets\./i.test(value)),
        `${where}: no other secret`,
      );
    }
    for (const { name, text } of WORKFLOWS)
      assert.equal(
        text.match(new RegExp(KEY.source, "gi"))?.length ?? 0,
        holders.filter((h) => h.where.startsWith(`${name} `)).length,
        name,
      );
  });

  test("fingerprints come from npm run plan-fingerprint only: no workflow hashes a plan itself", () => {
    for (const { where, code } of steps.filter(({ code }) => /plan/.test(code)))
      assert.doesNotMatch(code, /sha256sum|shasum|openssl dgst|plan-fingerprint\.sh/, where);
    for (const where of ["plan-pr.yml plan-pr Plan fingerprints", "plan.yml plan Plan fingerprints"]) {
      const step = steps.find((s) => s.where.startsWith(where));
      assert.match(step?.code ?? "", /plan-fingerprint -- "\$\{files\[@\]\}" > summary\/fingerprints/, where);
    }
  });
});
