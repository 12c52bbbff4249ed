// Generated from review/bot/reviewed-plan.ts by `npm run bots`; edit that file, not this one.
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// review/bot/reviewed-plan.ts
var reviewed_plan_exports = {};
__export(reviewed_plan_exports, {
  main: () => main,
  reviewedPlan: () => reviewedPlan
});
module.exports = __toCommonJS(reviewed_plan_exports);

// runtime/log.ts
var IGNORABLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
var SHOWN = /(?!\t)[\p{Cc}\p{Cf}\u2028\u2029]/gu;
function spellControls(text) {
  return text.replace(SHOWN, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
var LEGACY = /#([\p{Cf}\p{Default_Ignorable_Code_Point}]*)#([\p{Cf}\p{Default_Ignorable_Code_Point}]*)\[/gu;
function couldStartCommand(line) {
  return /^[\s\u0085]*::/.test(line.replace(IGNORABLE, ""));
}
function logText(text) {
  return text.split(/\r\n|\r|\n/).map((line) => {
    const shown = spellControls(line).replace(LEGACY, "#$1#$2\\[");
    return couldStartCommand(shown) ? `\\${shown}` : shown;
  }).join("\n");
}

// review/markdown.ts
var WORD_JOINER = String.fromCharCode(8288);

// review/bot/comment.ts
var shortSha = (sha) => sha.slice(0, 12);
var BOT_LOGIN = "github-actions[bot]";
async function findOwnComment(github, target, start) {
  const comments = await github.paginate(
    github.rest.issues.listComments,
    { ...target, per_page: 100 }
  );
  const mine = comments.find((c) => c.user?.login === BOT_LOGIN && (c.body ?? "").startsWith(start));
  return mine ? { id: mine.id, body: mine.body ?? "" } : void 0;
}

// review/bot/plan-record.ts
var RUN_TITLE = /^plan pull request at ([0-9a-f]{40})$/;
function isPlanPrRun(run) {
  return run.event === "workflow_run" && /^\.github\/workflows\/plan-pr\.yml(@.*)?$/.test(run.path ?? "");
}
function isPlanMainRun(run, commit, branch) {
  return (run.event === "push" || run.event === "workflow_dispatch") && /^\.github\/workflows\/plan\.yml(@.*)?$/.test(run.path ?? "") && run.head_sha === commit && run.head_branch === branch && run.conclusion === "success";
}
var PLAN_MARKER_PREFIX = "<!-- void-infra:plan ";
var PLAN_STATES = ["planned", "outdated", "failed", "code"];
var COMMIT_SHA = /^[0-9a-f]{40}$/;
var STACK_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
var FINGERPRINT = /^[0-9a-f]{64}$/;
var RUN_ID = /^[1-9][0-9]{0,15}$/;
var MAX_FINGERPRINTS_BYTES = 16 * 1024;
function parseRecord(body) {
  const first = body.split("\n", 1)[0] ?? "";
  if (!first.startsWith(PLAN_MARKER_PREFIX) || !first.endsWith(" -->")) return void 0;
  const fields = first.slice(PLAN_MARKER_PREFIX.length, -" -->".length).split(" ");
  const seen = /* @__PURE__ */ new Map();
  for (const field of fields) {
    const match = /^([a-z]+|fp\.[A-Za-z0-9_.-]{1,64})=([0-9a-z]+)$/.exec(field);
    if (!match?.[1] || !match[2] || seen.has(match[1])) return void 0;
    seen.set(match[1], match[2]);
  }
  const stacks = [];
  for (const [key, value] of seen) {
    if (key.startsWith("fp.")) stacks.push([key.slice(3), value]);
    else if (!["state", "head", "base", "run", "now"].includes(key)) return void 0;
  }
  const fingerprints = Object.fromEntries(stacks);
  const run = seen.get("run") ?? "";
  const record = {
    state: seen.get("state") ?? "",
    head: seen.get("head") ?? "",
    base: seen.get("base"),
    run: RUN_ID.test(run) ? Number(run) : Number.NaN,
    now: seen.get("now"),
    fingerprints
  };
  try {
    check(record);
  } catch {
    return void 0;
  }
  return record;
}
function check(record) {
  const ok = PLAN_STATES.includes(record.state) && COMMIT_SHA.test(record.head) && (record.base === void 0 || COMMIT_SHA.test(record.base)) && (record.now === void 0 || COMMIT_SHA.test(record.now)) && record.now !== void 0 === (record.state === "outdated") && RUN_ID.test(String(record.run)) && Object.entries(record.fingerprints).every(
    ([stack, fp]) => STACK_NAME.test(stack) && FINGERPRINT.test(fp)
  );
  if (!ok) throw new Error("a plan record holds a value of the wrong form");
}

// review/bot/reviewed-plan.ts
async function reviewedPlan({ github, context, core, env }) {
  const stack = env.STACK ?? "";
  const branch = /^refs\/heads\/([A-Za-z0-9._/-]{1,200})$/.exec(context.ref)?.[1];
  if (!STACK_NAME.test(stack) || !COMMIT_SHA.test(context.sha) || branch === void 0) {
    core.setFailed("STACK is not a stack name, or the run's commit is not a commit on a branch");
    return;
  }
  const say = (name, value) => {
    core.setOutput(name, value);
    if (value !== "") core.info(logText(`${name}: ${value}`));
  };
  for (const [name, value] of Object.entries(await pullRequestPlan({ github, context, stack })))
    say(name, value);
  for (const [name, value] of Object.entries(await mainPlanRun({ github, context, stack, branch })))
    say(name, value);
}
async function pullRequestPlan({ github, context, stack }) {
  const { owner, repo } = context.repo;
  const sha = context.sha;
  const { data: associated } = await github.rest.repos.listPullRequestsAssociatedWithCommit({
    owner,
    repo,
    commit_sha: sha,
    per_page: 100
  });
  const pull = associated.find(
    (p) => Boolean(p.merged_at) && p.merge_commit_sha === sha && Number.isSafeInteger(p.number)
  );
  if (!pull)
    return {
      problem: `\`${shortSha(sha)}\` is not the merge of a pull request, so no plan of it was reviewed before a merge`
    };
  const pr = String(pull.number);
  const existing = await findOwnComment(
    github,
    { owner, repo, issue_number: pull.number },
    PLAN_MARKER_PREFIX
  );
  const record = existing ? parseRecord(existing.body) : void 0;
  const merged = pull.head.sha;
  if (!record)
    return { pr, problem: `pull request #${pr} has no plan comment: it was never planned before it merged` };
  if (record.state === "code")
    return { pr, problem: `pull request #${pr} changes code, so it was not planned before it merged` };
  if (record.head !== merged)
    return {
      pr,
      problem: `pull request #${pr} merged at \`${shortSha(merged)}\`, but its last plan is of \`${shortSha(record.head)}\`: its final commit was never planned`
    };
  if (record.state !== "planned")
    return {
      pr,
      problem: `the last plan of pull request #${pr} is ${record.state === "failed" ? "a failed one" : "outdated"}`
    };
  const { data: planRun } = await github.rest.actions.getWorkflowRun({ owner, repo, run_id: record.run });
  if (!isPlanPrRun(planRun) || RUN_TITLE.exec(planRun.display_title ?? "")?.[1] !== record.head || planRun.conclusion !== "success")
    return {
      pr,
      problem: `the plan comment of pull request #${pr} names run ${record.run}, which is no finished plan-pr.yml run of its head`
    };
  if (!Object.hasOwn(record.fingerprints, stack))
    return { pr, problem: `the plan comment of pull request #${pr} records no plan of \`${stack}\`` };
  const { data: commit } = await github.rest.repos.getCommit({ owner, repo, ref: sha });
  const parent = commit.parents[0]?.sha ?? "";
  return {
    pr,
    fingerprint: record.fingerprints[stack] ?? "",
    mismatch: record.base !== void 0 && parent !== record.base ? `main moved since the review: pull request #${pr} was planned with main at \`${shortSha(record.base)}\` and merged onto \`${shortSha(parent)}\`, and the plan of \`${stack}\` differs now` : `the state of \`${stack}\` changed since the review (drift, or another apply): pull request #${pr} was planned with the main it merged onto, and the plan differs now`
  };
}
async function mainPlanRun({
  github,
  context,
  branch
}) {
  const { owner, repo } = context.repo;
  const { data } = await github.rest.actions.listWorkflowRuns({
    owner,
    repo,
    workflow_id: "plan.yml",
    head_sha: context.sha,
    branch,
    status: "success",
    per_page: 100
  });
  const runs = data.workflow_runs.filter((run) => isPlanMainRun(run, context.sha, branch) && Number.isSafeInteger(run.id) && run.id > 0).sort((a, b) => b.id - a.id);
  const latest = runs[0];
  if (!latest)
    return {
      main_problem: `plan.yml has no finished plan of \`${shortSha(context.sha)}\` on ${branch}, so none was shown after the merge`
    };
  return { main_run: String(latest.id) };
}
function main(scope) {
  return reviewedPlan({ ...scope, env: process.env });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main,
  reviewedPlan
});
