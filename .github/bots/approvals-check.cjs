// Generated from review/bot/approvals-check.ts by `npm run bots`; edit that file, not this one.
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

// review/bot/approvals-check.ts
var approvals_check_exports = {};
__export(approvals_check_exports, {
  CHECK_NAME: () => CHECK_NAME,
  approvalsCheck: () => approvalsCheck,
  main: () => main
});
module.exports = __toCommonJS(approvals_check_exports);
var import_node_path2 = require("node:path");

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

// packages/constructs/src/github/login.ts
var GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

// inputs/files.ts
var RELATIVE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
function isMaintainerFileName(name) {
  return name.endsWith(".yaml") && GITHUB_LOGIN.test(name.slice(0, -".yaml".length));
}
function isPersonFile(path, folder) {
  const prefix = `${folder}/`;
  return path.startsWith(prefix) && isMaintainerFileName(path.slice(prefix.length));
}
function loginOfPersonFile(path, folder) {
  return path.slice(folder.length + 1, -".yaml".length);
}

// review/markdown.ts
var WARNING_MARKER = "⚠️";
var LINE_ENDING = /\r\n|\r|\n/g;
var AT_SIGN = /[@\uFF20\uFE6B]/;
var WORD_JOINER = String.fromCharCode(8288);
function defuseMentions(text) {
  return text.replace(new RegExp(`${AT_SIGN.source}(?!${WORD_JOINER})`, "gu"), (c) => `${c}${WORD_JOINER}`);
}
function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(LINE_ENDING, "<br>");
}
function inlineCode(text) {
  const line = text.replace(LINE_ENDING, " ");
  const longestRun = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longestRun + 1);
  const spaced = line.startsWith(" ") && line.endsWith(" ") && line.trim() !== "";
  const pad = line.startsWith("`") || line.endsWith("`") || spaced ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}
function table(headers, rows) {
  const line = (cells) => `| ${cells.map((c) => escapeCell(c)).join(" | ")} |`;
  return [line(headers), `|${headers.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}

// review/approvals.ts
var OPERATORS_ONLY = "changes a file only the operators approve";
function renderRouting(routing, progress) {
  if (routing.requirements.length === 0 && routing.refusals.length === 0) return "";
  const handles = (logins) => logins.length > 0 ? logins.map((l) => `@${l}`).join(", ") : "nobody else can approve this";
  const indexed = routing.requirements.map((r, i) => ({ r, by: progress?.approvedBy[i] }));
  const others = indexed.filter(({ r }) => r.reasons[0] === OPERATORS_ONLY && r.subjects.length === 0);
  const people = indexed.filter((row2) => !others.includes(row2));
  const paths = (files) => files.map((f) => inlineCode(spellControls(f))).join(", ");
  const row = (where, r, by) => [
    where,
    r.reasons.join("; "),
    "operators" in r.by ? `${WARNING_MARKER} an operator of ${routing.operatorTeam}: ${handles(r.approvers)}` : `a maintainer of ${r.by.teams.join(" or ")}, or an operator: ${handles(r.approvers)}`,
    ...progress ? [by ? `✅ @${by}` : "waiting"] : []
  ];
  const [first] = others;
  const rows = [
    ...people.map(({ r, by }) => row(paths([r.file]), r, by)),
    ...first ? [
      row(
        paths(others.slice(0, SHOWN_PATHS).map(({ r }) => r.file)) + (others.length > SHOWN_PATHS ? ` and ${others.length - SHOWN_PATHS} more` : ""),
        first.r,
        others.every(({ by }) => by !== void 0) ? first.by : void 0
      )
    ] : []
  ];
  const refused = routing.refusals.map((r) => `- ${inlineCode(spellControls(r.file))} ${r.problem}`);
  return [
    "### Who approves",
    ...refused.length > 0 ? [
      `${WARNING_MARKER} **Nobody can approve this change as it is**: the routing cannot classify these paths, so the \`approvals\` check fails.`,
      "",
      ...refused,
      ""
    ] : [],
    ...rows.length > 0 ? [
      "Each row needs one approving review of the head commit from the people named (never the person the file is about, nor the author); the `approvals` check holds it.",
      "",
      table(["File", "Change", "Approved by", ...progress ? ["Status"] : []], rows)
    ] : []
  ].join("\n").trimEnd();
}
var SHOWN_PATHS = 10;

// review/bot/approvals.ts
var TEAM_SLUG = /^[A-Za-z0-9._-]{1,100}$/;
var COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]{1,200}(?<![./])$/;
function parseTargets(text) {
  let data;
  try {
    data = JSON.parse(text ?? "");
  } catch {
    return "TARGETS is not JSON";
  }
  const valid = (t) => {
    const { number, head, base } = t ?? {};
    return Number.isSafeInteger(number) && number > 0 && number < 1e9 && typeof head === "string" && COMMIT.test(head) && typeof base === "string" && BRANCH.test(base);
  };
  if (!Array.isArray(data) || !data.every(valid)) return "TARGETS is not a list of {number, head, base}";
  return data.map(({ number, head, base }) => ({ number, head, base }));
}
function readRouting(text) {
  if (text === void 0) return "No routing was computed for this commit: see the route job's log.";
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return "The routing is not JSON.";
  }
  const people = data?.people;
  if (typeof people !== "string" || !RELATIVE_PATH.test(people)) return "The routing is malformed.";
  const path = (v) => typeof v === "string" && v.length > 0 && v.length <= 4096;
  const logins = (v) => Array.isArray(v) && v.length <= 1e3 && v.every((l) => typeof l === "string" && GITHUB_LOGIN.test(l));
  const strings = (v) => Array.isArray(v) && v.every((s) => typeof s === "string");
  const requirement = (r) => {
    if (typeof r !== "object" || r === null) return false;
    const { file, reasons, by, approvers: approvers2, subjects } = r;
    const teams = by?.teams;
    const byOperators = by?.operators === true;
    const byTeams = strings(teams) && teams.length > 0 && teams.every((t) => TEAM_SLUG.test(t));
    return path(file) && strings(reasons) && (byOperators || byTeams && isPersonFile(file, people)) && logins(approvers2) && logins(subjects) && subjects.every((s) => s === s.toLowerCase());
  };
  const refusal = (r) => {
    const { file, problem } = r ?? {};
    return path(file) && typeof problem === "string" && problem.length <= 1e3;
  };
  const routing = data;
  if (typeof routing !== "object" || routing === null || typeof routing.base !== "string" || !COMMIT.test(routing.base) || typeof routing.head !== "string" || !COMMIT.test(routing.head) || typeof routing.operatorTeam !== "string" || !TEAM_SLUG.test(routing.operatorTeam) || !logins(routing.operators) || !Array.isArray(routing.requirements) || !routing.requirements.every(requirement) || !Array.isArray(routing.refusals) || !routing.refusals.every(refusal))
    return "The routing is malformed.";
  return routing;
}
function approvalVerdict(input) {
  const none = { approvedBy: [], reviewers: [], teamReviewers: [] };
  const { routing } = input;
  if (typeof routing === "string") return { state: "failure", description: clip(routing), ...none };
  if (routing.base !== input.base || routing.head !== input.head)
    return {
      state: "failure",
      description: clip(
        `The routing is of ${routing.head.slice(0, 12)} on ${routing.base.slice(0, 12)}, not of ${input.head.slice(0, 12)} on ${input.base.slice(0, 12)}.`
      ),
      ...none
    };
  if (routing.refusals.length > 0) {
    const [first2] = routing.refusals;
    const more2 = routing.refusals.length > 1 ? ` (+${routing.refusals.length - 1} more)` : "";
    return {
      state: "failure",
      description: clip(`${spellControls(first2.file)} ${first2.problem}${more2}`),
      ...none
    };
  }
  const author = input.author.toLowerCase();
  const approved = approvers(input.reviews, input.head);
  const subjectOf = (file) => isPersonFile(file, routing.people) ? [loginOfPersonFile(file, routing.people).toLowerCase()] : [];
  const excluded = (r) => /* @__PURE__ */ new Set([...r.subjects, ...subjectOf(r.file), author]);
  const approvedBy = routing.requirements.map((r) => {
    const never = excluded(r);
    return r.approvers.find((a) => !never.has(a.toLowerCase()) && approved.has(a.toLowerCase()));
  });
  const unmet = routing.requirements.filter((_, i) => approvedBy[i] === void 0);
  if (unmet.length === 0)
    return {
      state: "success",
      description: "Approved by the people each change needs.",
      approvedBy,
      reviewers: [],
      teamReviewers: []
    };
  const byTeams = unmet.filter((r) => "teams" in r.by);
  const operators = new Set(routing.operators.map((o) => o.toLowerCase()));
  const reviewers = [
    ...new Set(
      byTeams.flatMap((r) => {
        const never = excluded(r);
        return r.approvers.filter((l) => !never.has(l.toLowerCase()) && !operators.has(l.toLowerCase()));
      })
    )
  ].slice(0, 15);
  const needOperators = unmet.some((r) => "operators" in r.by) || reviewers.length === 0;
  const [first] = unmet;
  const who = "teams" in first.by ? `a maintainer of ${first.by.teams.join(" or ")}` : "an operator";
  const more = unmet.length > 1 ? ` (+${unmet.length - 1} more)` : "";
  return {
    state: "pending",
    description: clip(`Waiting for ${who} to approve ${spellControls(first.file)}${more}.`),
    approvedBy,
    reviewers,
    teamReviewers: needOperators ? [routing.operatorTeam] : []
  };
}
function approvers(reviews, head) {
  const latest = /* @__PURE__ */ new Map();
  for (const review of reviews) {
    const login = review.user?.login.toLowerCase();
    if (login && review.state !== "COMMENTED") latest.set(login, review);
  }
  return new Set(
    [...latest].filter(([, r]) => r.state === "APPROVED" && r.commit_id === head).map(([login]) => login)
  );
}
var clip = (text) => {
  const chars = [...text];
  return chars.length <= 140 ? text : `${chars.slice(0, 139).join("")}…`;
};

// review/bot/artifact.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
function readArtifactFile(dir, name, limit) {
  const file = (0, import_node_path.join)(dir, name);
  let stat;
  try {
    stat = (0, import_node_fs.lstatSync)(file);
  } catch {
    return void 0;
  }
  if (!stat.isFile()) throw new Error(`${name} in the artifact is not a regular file`);
  const fd = (0, import_node_fs.openSync)(file, "r");
  try {
    const size = (0, import_node_fs.fstatSync)(fd).size;
    const buffer = Buffer.alloc(Math.min(size, limit));
    const read = (0, import_node_fs.readSync)(fd, buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, read);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(size > limit ? completeUtf8(bytes) : bytes);
    if (text.includes("\0")) throw new Error(`${name} in the artifact holds a NUL character`);
    return { text, truncated: size > limit };
  } catch (error) {
    if (error instanceof TypeError) throw new Error(`${name} in the artifact is not UTF-8 text`);
    throw error;
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function completeUtf8(bytes) {
  let end = bytes.length;
  let back = 0;
  while (end - back - 1 >= 0 && back < 4 && (bytes[end - back - 1] & 192) === 128) back++;
  const lead = bytes[end - back - 1];
  if (lead !== void 0 && lead >= 192) {
    const need = lead >= 240 ? 4 : lead >= 224 ? 3 : 2;
    if (back + 1 < need) end -= back + 1;
  }
  return bytes.subarray(0, end);
}

// review/bot/comment.ts
var shortSha = (sha) => sha.slice(0, 12);

// review/bot/approvals-check.ts
var CHECK_NAME = "approvals";
var MAX_ROUTING_BYTES = 8e6;
var SUMMARY_LIMIT = 65e3;
async function approvalsCheck({ github, context, core, env, temp }) {
  const info = (text) => core.info(logText(text));
  const targets = parseTargets(env.TARGETS);
  if (typeof targets === "string") {
    core.setFailed(targets);
    return;
  }
  const { owner, repo } = context.repo;
  const run = `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`;
  let failed = 0;
  for (const target of targets) {
    try {
      info(`#${target.number}: ${await evaluate(target)}`);
    } catch (error) {
      failed++;
      core.warning(`#${target.number}: ${error.message}`);
    }
  }
  if (failed > 0) core.setFailed(`${failed} pull request(s) could not be evaluated (see the warnings)`);
  async function evaluate(target) {
    const { data: pull } = await github.rest.pulls.get({ owner, repo, pull_number: target.number });
    if (pull.state !== "open" || pull.head.sha !== target.head)
      return `moved on to ${shortSha(pull.head.sha)} (${pull.state}): its own run evaluates it`;
    const { data: branch } = await github.rest.repos.getBranch({ owner, repo, branch: pull.base.ref });
    const base = branch.commit.sha;
    const routing = routingOf((0, import_node_path2.join)(temp, "routing"), target.number);
    if (typeof routing !== "string" && routing.head === pull.head.sha && routing.base !== base)
      return `${pull.base.ref} moved to ${shortSha(base)} after the routing (of ${shortSha(routing.base)}): the run that move starts evaluates it`;
    const reviews = await github.paginate(github.rest.pulls.listReviews, {
      owner,
      repo,
      pull_number: target.number,
      per_page: 100
    });
    const verdict = approvalVerdict({
      routing,
      base,
      head: pull.head.sha,
      reviews,
      author: pull.user?.login ?? ""
    });
    const output = { title: verdict.description, summary: summaryOf(routing, verdict, pull.base.ref, run) };
    const state = verdict.state === "pending" ? { status: "in_progress", conclusion: null } : { status: "completed", conclusion: verdict.state };
    const { data: existing } = await github.rest.checks.listForRef({
      owner,
      repo,
      ref: pull.head.sha,
      check_name: CHECK_NAME,
      filter: "latest",
      per_page: 100
    });
    const latest = existing.check_runs.find((c) => env.APP_SLUG && c.app?.slug === env.APP_SLUG);
    if (latest && same(latest, state, output)) return `${verdict.state}, unchanged: ${verdict.description}`;
    await github.rest.checks.create({
      owner,
      repo,
      name: CHECK_NAME,
      head_sha: pull.head.sha,
      details_url: run,
      external_id: base,
      ...state.conclusion === null ? { status: state.status } : state,
      output
    });
    return `${verdict.state}: ${verdict.description}`;
  }
}
function routingOf(dir, number) {
  try {
    return readRouting(readArtifactFile(dir, `${number}.json`, MAX_ROUTING_BYTES)?.text);
  } catch (error) {
    return `The routing cannot be read: ${error.message}.`;
  }
}
function same(check, state, output) {
  return check.status === state.status && (check.conclusion ?? null) === state.conclusion && check.output.title === output.title && check.output.summary === output.summary;
}
function summaryOf(routing, verdict, baseRef, run) {
  if (typeof routing === "string") return `${verdict.description}

[Evaluation run](${run}).`;
  const section = renderRouting(routing, { approvedBy: verdict.approvedBy });
  const text = [
    `**${verdict.description}**`,
    `Merging \`${shortSha(routing.head)}\` into \`${baseRef}\` at \`${shortSha(routing.base)}\`, routed by the review bot with the default branch's code ([evaluation run](${run})).`,
    section === "" ? "The merge changes no file: nothing to approve." : section
  ].join("\n\n");
  const safe = defuseMentions(text);
  if (safe.length <= SUMMARY_LIMIT) return safe;
  const cut = safe.lastIndexOf("\n", SUMMARY_LIMIT - 200);
  return `${safe.slice(0, cut)}

(Cut to fit GitHub's limit; \`npm run approvals\` prints the whole routing.)`;
}
function main(scope) {
  return approvalsCheck({ ...scope, env: process.env, temp: process.env.RUNNER_TEMP ?? "" });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CHECK_NAME,
  approvalsCheck,
  main
});
