import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { RUN_TITLE } from "../../review/bot/plan-record";
import { formatDiagnostic } from "../../runtime/diagnostics";
import { STACKS } from "../../stacks";
import { BOTS_DIR, botScript } from "../../workflow-lint/bot-script";
import { projectAt } from "../../workflow-lint/project";
import { checkWorkflow } from "../../workflow-lint/rules";
import { parseWorkflow } from "../../workflow-lint/workflow";
import { REPO_ROOT } from "../support/project";
import { committedWorkflows } from "../support/workflows";

const WORKFLOWS = new Map(committedWorkflows().map(({ name, text }) => [name, text]));
const SCRIPTS = join(REPO_ROOT, ".github", "scripts");
const FILES = [...WORKFLOWS.keys()];
const STACK_IDS = STACKS.stacks.map((stack) => stack.id);

/** The parts of GitHub's workflow schema these tests read. */
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  if?: string;
  environment?: string;
  needs?: string | string[];
  permissions?: string | Record<string, string>;
  strategy?: { matrix: { stack: string[] } };
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const text = (name: string) => WORKFLOWS.get(name) ?? assert.fail(`no workflow ${name}`);
const script = (name: string) => readFileSync(join(SCRIPTS, name), "utf8");
const load = (name: string) => parse(text(name)) as Workflow;
const jobsOf = (wf: Workflow) => Object.entries(wf.jobs);
const stepsOf = (wf: Workflow) => jobsOf(wf).flatMap(([, job]) => job.steps ?? []);
const permissionsOf = (job: Job) => (typeof job.permissions === "object" ? job.permissions : {});

describe("workflow security properties", () => {
  test("the workflows exist", () => {
    assert.deepEqual(FILES, [
      "apply.yml",
      "ci.yml",
      "drift.yml",
      "locks.yml",
      "plan-comment.yml",
      "plan-pr.yml",
      "plan.yml",
      "review-comment.yml",
      "review-events.yml",
    ]);
  });

  for (const name of FILES) {
    describe(name, () => {
      const wf = load(name);

      test("declares top-level permissions and never write-all", () => {
        assert.ok(wf.permissions !== undefined, "top-level permissions");
        assert.equal(typeof wf.permissions, "object");
        for (const level of Object.values(wf.permissions as object))
          assert.ok(level === "read" || level === "none");
        assert.doesNotMatch(text(name), /write-all/);
        for (const [, job] of jobsOf(wf)) assert.notEqual(job.permissions, "write-all");
      });

      test("pins every third-party action to a full commit SHA with a version comment", () => {
        const lines = text(name)
          .split("\n")
          .filter((line) => /^\s*-?\s*uses:/.test(line));
        for (const line of lines) {
          const ref = line.replace(/^\s*-?\s*uses:\s*/, "").replace(/\s*#.*$/, "");
          if (ref.startsWith("./")) continue;
          assert.match(ref, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, line);
          assert.match(line, /# v\d+\.\d+\.\d+$/, line);
        }
      });

      test("never triggers on pull_request_target", () => {
        assert.ok(!Object.keys(wf.on).includes("pull_request_target"));
        assert.doesNotMatch(text(name), /pull_request_target/);
      });

      test("no ${{ github.event.* }} (or any expression) inside run: scripts", () => {
        for (const step of stepsOf(wf)) {
          if (typeof step.run !== "string") continue;
          assert.doesNotMatch(step.run, /\$\{\{[^}]*github\.event\./);
          assert.doesNotMatch(step.run, /\$\{\{/);
        }
      });

      test("checkouts drop the token", () => {
        for (const step of stepsOf(wf).filter((s) => String(s.uses).startsWith("actions/checkout@"))) {
          assert.equal(step.with?.["persist-credentials"], false);
        }
      });

      test("passes every rule of workflow-lint/rules.ts with the repository's allowlist", () => {
        assert.deepEqual(
          checkWorkflow(parseWorkflow(`.github/workflows/${name}`, text(name)), projectAt(REPO_ROOT)).map(
            formatDiagnostic,
          ),
          [],
        );
      });
    });
  }

  test("ci.yml and the comment workflows reference no secrets; the review bot's key only its check job", () => {
    assert.doesNotMatch(text("ci.yml"), /secrets[.[]/);
    // The plan comment's bundle holds the masking code (variables named `secrets`): no expression reads any.
    assert.doesNotMatch(text("plan-comment.yml"), /\$\{\{[^}]*\bsecrets\b/i);
    for (const name of FILES.filter((f) => f !== "review-comment.yml"))
      assert.doesNotMatch(text(name), /REVIEW_BOT_/i, name);
    const wf = load("review-comment.yml");
    for (const [id, job] of jobsOf(wf))
      assert.equal(/secrets[.[]/.test(JSON.stringify(job)), id === "approvals", id);
    assert.deepEqual(
      [...text("review-comment.yml").matchAll(/\$\{\{\s*secrets\.(\w+)\s*\}\}/g)].map((m) => m[1]),
      ["REVIEW_BOT_CLIENT_ID", "REVIEW_BOT_PRIVATE_KEY"],
    );
  });

  test("ci.yml is read-only, validates first and hands the review over whatever fails later", () => {
    const wf = load("ci.yml");
    assert.deepEqual(Object.keys(wf.on), ["pull_request", "push"]);
    assert.deepEqual(wf.permissions, { contents: "read" });
    const review = wf.jobs.review?.steps ?? [];
    const runs = review.map((s) => String(s.run ?? ""));
    const validate = runs.findIndex((r) => r.includes("npm run --silent validate"));
    assert.equal(validate, runs.indexOf("npm ci") + 1, "validation is the first step after the install");
    assert.match(
      runs[validate] ?? "",
      /--base-ref "origin\/\$BASE_REF" --format github --review review-artifact\/review\.md/,
    );
    const diff = runs.find((r) => r.includes("npm run --silent diff"));
    assert.match(diff ?? "", /--base-ref "origin\/\$BASE_REF" --no-routing > review-artifact\/review\.md/);
    assert.doesNotMatch(diff ?? "", /--head/, "the diff synthesizes its head itself");
    for (const step of review.filter((s) => /upload-artifact/.test(`${s.uses}`)))
      assert.match(String(step.if), /^always\(\) && /, "the artifact is handed over even after a failure");
    const checks = (wf.jobs.check?.steps ?? []).map((s) => String(s.run ?? ""));
    for (const command of ["npm ci", "npm run lint", "npm run lint:workflows", "npm test"])
      assert.ok(checks.includes(command), command);
  });

  /**
   * A job that runs bots and nothing else: its one checkout, first, is the run's own commit of the
   * default branch (no ref: every trigger of these workflows runs there, or the job requires main),
   * `.github/bots/` alone and without the token; no shell; each github-script step runs one bot's
   * committed bundle, exactly as `botScript` writes it, in the order given.
   */
  const runsOnlyBots = (where: string, job: Job, bots: readonly string[]) => {
    const steps = job.steps ?? [];
    const checkouts = steps.filter((s) => String(s.uses ?? "").startsWith("actions/checkout@"));
    assert.equal(checkouts.length, 1, `${where}: one checkout`);
    assert.equal(steps[0], checkouts[0], `${where}: the checkout comes first`);
    assert.deepEqual(
      checkouts[0]?.with,
      { "persist-credentials": false, "sparse-checkout": BOTS_DIR },
      where,
    );
    assert.ok(
      steps.every((s) => s.run === undefined),
      `${where}: no shell steps at all`,
    );
    assert.deepEqual(
      steps
        .filter((s) => String(s.uses ?? "").startsWith("actions/github-script@"))
        .map((s) => s.with?.script),
      bots.map(botScript),
      where,
    );
  };

  test("the review bot runs main's code only: bundles, and a route job without credentials", () => {
    const wf = load("review-comment.yml");
    assert.deepEqual(wf.on, {
      workflow_run: { workflows: ["ci", "review events"], types: ["completed"] },
      push: { branches: ["main"] },
    });
    assert.deepEqual(wf.permissions, {});
    assert.doesNotMatch(
      text("review-comment.yml"),
      /\$\{\{[^}]*\}\}[^\n]*\n\s*script:/,
      "no expression in a script",
    );
    const job = (id: string) => wf.jobs[id] ?? assert.fail(`no ${id} job`);
    assert.deepEqual(job("find").permissions, { contents: "read", "pull-requests": "read" });
    assert.deepEqual(job("route").permissions, { contents: "read" }, "the job that runs code holds nothing");
    assert.deepEqual(job("approvals").permissions, { contents: "read" }, "the app's token, and the bundle");
    assert.deepEqual(job("comment").permissions, {
      actions: "read",
      contents: "read",
      "pull-requests": "write",
    });
    // The route job checks out the default branch and runs only its own script on git objects.
    const route = job("route").steps ?? [];
    const checkout = route.find((s) => String(s.uses).startsWith("actions/checkout@"));
    assert.equal(checkout?.with?.ref, "${{ github.event.repository.default_branch }}");
    assert.deepEqual(
      route.flatMap((s) => (s.run === undefined ? [] : [s.run])),
      ["npm ci --omit=dev", "bash .github/scripts/route-pulls.sh"],
    );
    assert.match(
      script("route-pulls.sh"),
      /npm run --silent approvals -- --base-ref "origin\/\$base" --head "\$head" --format json/,
    );
    // The other jobs run bots only.
    runsOnlyBots("find", job("find"), ["find-pulls"]);
    runsOnlyBots("approvals", job("approvals"), ["approvals-check"]);
    runsOnlyBots("comment", job("comment"), ["review-comment"]);
  });

  test("only the review bot's app sets the approvals check; no workflow token writes checks or statuses", () => {
    for (const name of FILES) {
      const wf = load(name);
      for (const [id, job] of jobsOf(wf)) {
        const scopes = permissionsOf(job);
        assert.notEqual(scopes.checks, "write", `${name} ${id}`);
        assert.notEqual(scopes.statuses, "write", `${name} ${id}`);
      }
      assert.doesNotMatch(text(name), /createCommitStatus|checks\.create\(/, name);
    }
    // The bots never call the commit status API; only the approvals check's bundle creates checks.
    const bundles = join(REPO_ROOT, BOTS_DIR);
    for (const name of readdirSync(bundles)) {
      const bundle = readFileSync(join(bundles, name), "utf8");
      assert.doesNotMatch(bundle, /createCommitStatus/, name);
      assert.equal(
        (bundle.match(/checks\.create\(/g) ?? []).length,
        name === "approvals-check.cjs" ? 1 : 0,
        name,
      );
    }
    const wf = load("review-comment.yml");
    const approvals = wf.jobs.approvals ?? assert.fail("no approvals job");
    assert.equal(approvals.environment, "review-bot");
    const steps = approvals.steps ?? [];
    const token = steps.findIndex((s) => String(s.uses).startsWith("actions/create-github-app-token@"));
    const bot = steps.findIndex((s) => String(s.uses).startsWith("actions/github-script@"));
    assert.ok(token !== -1 && token < bot, "the app token is made before the bot runs");
    assert.equal(steps[bot]?.with?.["github-token"], "${{ steps.app.outputs.token }}");
    assert.equal(steps[bot]?.with?.script, botScript("approvals-check"));
  });

  test("the plan comment workflow runs after plan runs and runs its bot's committed bundle only", () => {
    const wf = load("plan-comment.yml");
    assert.deepEqual(wf.on, {
      workflow_run: { workflows: ["plan pull request"], types: ["requested", "completed"] },
    });
    assert.equal(parse(text("plan-pr.yml")).name, "plan pull request", "the workflow it follows");
    assert.deepEqual(wf.permissions, {});
    assert.deepEqual(
      jobsOf(wf).map(([, job]) => [job.permissions, job.if]),
      [
        [
          { actions: "read", contents: "read", "pull-requests": "write" },
          "github.event.workflow_run.event == 'workflow_run'",
        ],
      ],
    );
    for (const [id, job] of jobsOf(wf)) runsOnlyBots(id, job, ["plan-comment"]);
  });

  test("review events wakes the comment workflow with no token scope and no code", () => {
    const wf = load("review-events.yml");
    assert.deepEqual(wf.on, {
      pull_request_review: { types: ["submitted", "dismissed"] },
      pull_request: { types: ["edited"] },
    });
    assert.deepEqual(wf.permissions, {});
    for (const [, job] of jobsOf(wf)) {
      assert.deepEqual(job.permissions, {});
      assert.ok((job.steps ?? []).every((s) => s.uses === undefined));
    }
  });

  test("plan.yml plans main only, on a push or by hand, and records its fingerprints for apply", () => {
    const wf = load("plan.yml");
    assert.deepEqual(wf.on, { push: { branches: ["main"] }, workflow_dispatch: null });
    for (const [, job] of jobsOf(wf)) {
      assert.equal(job.environment, "plan");
      assert.equal(job.if, "github.ref == 'refs/heads/main'", "by hand too, main only");
    }
    const run = stepsOf(wf)
      .map((s) => String(s.run ?? ""))
      .join("\n");
    assert.match(run, /bash \.github\/scripts\/plan-stacks\.sh/);
    assert.match(run, /bash \.github\/scripts\/plan-fingerprints\.sh/);
    // The artifact apply.yml reads: what summarize-plans.sh and plan-fingerprints.sh write.
    const upload = stepsOf(wf).find((s) => String(s.uses).startsWith("actions/upload-artifact@"));
    assert.deepEqual(upload?.with, {
      name: "plan",
      path: "summary/",
      "if-no-files-found": "error",
      "retention-days": 14,
    });
    assert.match(script("plan-fingerprints.sh"), /> summary\/fingerprints/);
  });

  test("plan-pr.yml plans a pull request's data after ci, with main's code only", () => {
    const wf = load("plan-pr.yml");
    assert.deepEqual(Object.keys(wf.on), ["workflow_run"]);
    assert.deepEqual(wf.permissions, {});
    for (const [, job] of jobsOf(wf)) {
      assert.equal(job.environment, "plan-pr");
      assert.deepEqual(job.permissions, { contents: "read" });
      for (const step of (job.steps ?? []).filter((s) => String(s.uses).startsWith("actions/checkout@")))
        assert.equal(step.with?.ref, "${{ github.event.repository.default_branch }}");
    }
    // The run's title names the commit, in the form the plan comment bot reads.
    const title = (load("plan-pr.yml") as unknown as { "run-name": string })["run-name"];
    assert.equal(title, "plan pull request at ${{ github.event.workflow_run.head_sha }}");
    assert.match(title.replace("${{ github.event.workflow_run.head_sha }}", "a".repeat(40)), RUN_TITLE);
    // The artifact goes up also when the pull request changes code (the comment says so).
    const upload = stepsOf(load("plan-pr.yml")).find((s) =>
      String(s.uses).startsWith("actions/upload-artifact@"),
    );
    assert.equal(upload?.if, undefined);
    assert.match(
      stepsOf(load("plan-pr.yml"))
        .map((s) => String(s.run ?? ""))
        .join("\n"),
      /bash \.github\/scripts\/plan-comment-data\.sh/,
    );
  });

  test("apply.yml: manual, the apply job per stack and never cancelled once it runs, environment production", () => {
    const wf = load("apply.yml");
    const dispatch = wf.on.workflow_dispatch as { inputs: { stack: { type: string; options: string[] } } };
    assert.equal(dispatch.inputs.stack.type, "choice");
    assert.deepEqual(dispatch.inputs.stack.options, STACK_IDS);
    assert.equal(wf.concurrency, undefined, "only the apply job waits for the stack");
    const [, apply] = jobsOf(wf).find(([id]) => id === "apply") ?? assert.fail("no apply job");
    assert.deepEqual((apply as { concurrency?: unknown }).concurrency, {
      group: "apply-${{ inputs.stack }}",
      "cancel-in-progress": false,
    });
    assert.equal(apply.environment, "production");
    assert.equal(apply.needs, "review");
    // Plan with the lock, compare with the reviewed fingerprint, then apply that saved plan: in order.
    assert.deepEqual(
      (apply.steps ?? []).flatMap((s) => (String(s.run ?? "").startsWith("bash ") ? [s.run] : [])),
      [
        "bash .github/scripts/plan-locked.sh",
        "bash .github/scripts/check-fingerprint.sh",
        "bash .github/scripts/apply-saved-plan.sh",
      ],
    );
    assert.match(script("apply-saved-plan.sh"), /apply -input=false tfplan/, "applies the saved plan");
    assert.match(
      script("check-fingerprint.sh"),
      /"\$\{line#\* \}" != "\$REVIEWED_FINGERPRINT"/,
      "refuses a plan that differs from the reviewed one",
    );
    for (const [id, job] of jobsOf(wf))
      assert.equal(
        job.if ?? "github.ref == 'refs/heads/main'",
        id === "report"
          ? "always() && github.ref == 'refs/heads/main' && needs.reviewed.outputs.pr != ''"
          : "github.ref == 'refs/heads/main'",
        id,
      );
  });

  test("apply.yml: the plans shown for review are looked up and reported by jobs without credentials that run main's bots only", () => {
    const wf = load("apply.yml");
    const dispatch = wf.on.workflow_dispatch as { inputs: Record<string, unknown> };
    assert.deepEqual(Object.keys(dispatch.inputs), ["stack"], "no switch turns the check off");
    const job = (id: string) => wf.jobs[id] ?? assert.fail(`no ${id} job`);
    assert.deepEqual(job("reviewed").permissions, {
      actions: "read",
      contents: "read",
      "pull-requests": "read",
    });
    assert.deepEqual(job("report").permissions, { contents: "read", "pull-requests": "write" });
    for (const id of ["reviewed", "report"]) {
      assert.equal(job(id).environment, undefined, id);
      assert.doesNotMatch(JSON.stringify(job(id)), /secrets/, id);
      assert.match(String(job(id).if), /github\.ref == 'refs\/heads\/main'/, `${id}: main's bundles only`);
    }
    runsOnlyBots("reviewed", job("reviewed"), ["reviewed-plan", "main-plan"]);
    runsOnlyBots("report", job("report"), ["apply-report"]);
    // plan.yml's artifact goes outside any checkout, from the run the lookup found.
    const download = (job("reviewed").steps ?? []).find((s) =>
      String(s.uses).startsWith("actions/download-artifact@"),
    );
    assert.deepEqual(download?.with, {
      name: "plan",
      path: "${{ runner.temp }}/plan-main",
      "run-id": "${{ steps.find.outputs.main_run }}",
      "github-token": "${{ github.token }}",
    });
    assert.equal(job("review").needs, "reviewed");
    assert.ok(
      (job("review").steps ?? []).some((s) => s.run === "bash .github/scripts/check-reviewed-plan.sh"),
    );
  });

  test("drift.yml: nightly, -detailed-exitcode, issues: write only in the job that runs main's scripts alone", () => {
    const wf = load("drift.yml");
    assert.ok(Array.isArray(wf.on.schedule) && "workflow_dispatch" in wf.on);
    for (const [id, job] of jobsOf(wf)) {
      assert.deepEqual(job.strategy?.matrix.stack, STACK_IDS);
      const writes = permissionsOf(job).issues === "write";
      assert.equal(writes, id === "report", id);
      if (writes)
        for (const step of (job.steps ?? []).filter((s) =>
          String(s.uses ?? "").startsWith("actions/checkout@"),
        ))
          assert.equal(
            step.with?.["sparse-checkout"],
            ".github/scripts",
            "the writer checks out main's scripts only",
          );
    }
    assert.match(script("drift-plan.sh"), /plan -detailed-exitcode -lock=false/);
    assert.match(script("drift-issue.sh"), /gh issue list --state open --label drift/);
  });
});
