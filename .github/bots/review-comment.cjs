// Generated from review/bot/review-comment.ts by `npm run bots`; edit that file, not this one.
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

// review/bot/review-comment.ts
var review_comment_exports = {};
__export(review_comment_exports, {
  REVIEW_MARKER: () => REVIEW_MARKER,
  main: () => main,
  reviewComment: () => reviewComment
});
module.exports = __toCommonJS(review_comment_exports);
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
function showBidiControls(text) {
  return text.replace(
    /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`
  );
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
var GITHUB_COMMENT_LIMIT = 65536;
var AT_SIGN_CODE_POINTS = /* @__PURE__ */ new Set([64, 65312, 65131]);
function spellOutAtSigns(markdown) {
  return markdown.replace(/&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/g, (ref, hex, dec) => {
    const code = hex !== void 0 ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? "", 10);
    return AT_SIGN_CODE_POINTS.has(code) ? String.fromCodePoint(code) : ref;
  }).replace(/&commat;?/gi, "@");
}
function defuse(markdown) {
  return defuseMentions(
    showBidiControls(
      spellOutAtSigns(markdown).replace(/<(?=[!?])/g, `<${WORD_JOINER}`).replace(/--(?=>)/g, `--${WORD_JOINER}`)
    )
  );
}
var CUT_NOTICE = "> [!NOTE]\n> Cut to fit GitHub's comment limit; the ci run's summary has the whole text.";
var count = (text, part) => text.split(part).length - 1;
function closers(text) {
  let fence;
  for (const line of text.split("\n")) {
    const run = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (run === void 0) continue;
    if (!fence) fence = { char: run[0] ?? "`", length: run.length };
    else if (run[0] === fence.char && run.length >= fence.length && line.trim() === run) fence = void 0;
  }
  const openDetails = Math.max(0, count(text, "<details") - count(text, "</details>"));
  return [...fence ? [fence.char.repeat(fence.length)] : [], ...Array(openDetails).fill("</details>")].join(
    "\n\n"
  );
}
function cutTo(text, room) {
  if (text.length <= room) return text;
  const line = text.lastIndexOf("\n", room);
  if (line > 0) return text.slice(0, line);
  const end = Math.max(0, room);
  return text.slice(0, /[\uD800-\uDBFF]/.test(text.charAt(end - 1)) ? end - 1 : end);
}
function verify(body, marker) {
  if (body.length > GITHUB_COMMENT_LIMIT)
    throw new Error(`comment body of ${body.length} characters is over GitHub's limit`);
  if (!body.startsWith(`${marker}
`) || count(body, marker) !== 1)
    throw new Error("comment body does not hold its marker exactly once, first");
  if (count(body, "<!--") !== count(marker, "<!--") || count(body, "-->") !== count(marker, "-->"))
    throw new Error("comment body opens or closes an HTML comment besides its marker");
  return body;
}
function commentBody({
  marker,
  markdown,
  footer,
  truncated = false,
  cutNotice = CUT_NOTICE
}) {
  if (count(marker, "<!--") !== 1 || count(marker, "-->") !== 1 || marker.includes("\n"))
    throw new Error("a marker is one HTML comment on one line");
  const text = defuse(markdown).trimEnd();
  const tail = footer === "" ? "\n" : `

${footer}
`;
  const whole = `${marker}
${text}${tail}`;
  if (!truncated && whole.length <= GITHUB_COMMENT_LIMIT) return verify(whole, marker);
  const assemble = (cut, close) => `${marker}
${[cut, close, cutNotice].filter((p) => p !== "").join("\n\n")}${tail}`;
  const plainRoom = GITHUB_COMMENT_LIMIT - assemble("", "").length - 2;
  let room = plainRoom;
  for (let attempt = 0; attempt < 20 && room > 0; attempt++) {
    const cut = cutTo(text, room).trimEnd();
    const body = assemble(cut, closers(cut));
    if (body.length <= GITHUB_COMMENT_LIMIT) return verify(body, marker);
    room = Math.min(room, cut.length) - (body.length - GITHUB_COMMENT_LIMIT);
  }
  return verify(assemble(cutTo(text, plainRoom).trimEnd(), ""), marker);
}
var BOT_LOGIN = "github-actions[bot]";
async function findOwnComment(github, target, start) {
  const comments = await github.paginate(
    github.rest.issues.listComments,
    { ...target, per_page: 100 }
  );
  const mine = comments.find((c) => c.user?.login === BOT_LOGIN && (c.body ?? "").startsWith(start));
  return mine ? { id: mine.id, body: mine.body ?? "" } : void 0;
}
async function upsertComment(github, target, marker, body) {
  return writeComment(github, target, await findOwnComment(github, target, `${marker}
`), body);
}
async function writeComment(github, target, existing, body) {
  if (existing) {
    await github.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.id,
      body
    });
    return `updated comment ${existing.id}`;
  }
  const { data } = await github.rest.issues.createComment({ ...target, body });
  return `created comment ${data.id}`;
}

// review/bot/review-comment.ts
var REVIEW_MARKER = "<!-- void-infra:review-diff -->";
var MAX_REVIEW_BYTES = 64e3;
var MAX_ROUTING_BYTES = 8e6;
async function reviewComment({ github, context, core, env, temp }) {
  const run = context.payload.workflow_run;
  const targets = parseTargets(env.TARGETS);
  if (run === void 0 || typeof targets === "string") {
    core.setFailed(typeof targets === "string" ? targets : "not started by a ci run");
    return;
  }
  const { owner, repo } = context.repo;
  const info = (text) => core.info(logText(text));
  const review = readArtifactFile((0, import_node_path2.join)(temp, "review"), "review.md", MAX_REVIEW_BYTES);
  for (const target of targets) {
    const { data: pull } = await github.rest.pulls.get({ owner, repo, pull_number: target.number });
    if (pull.state !== "open" || pull.head.sha !== run.head_sha) {
      core.warning(`pull request #${target.number} is not open at ${run.head_sha}; nothing to do`);
      continue;
    }
    let routing;
    try {
      routing = readRouting(
        readArtifactFile((0, import_node_path2.join)(temp, "routing"), `${target.number}.json`, MAX_ROUTING_BYTES)?.text
      );
    } catch (error) {
      routing = `The routing cannot be read: ${error.message}.`;
    }
    const parts = {
      marker: REVIEW_MARKER,
      markdown: [
        routingSection(routing, pull.base.ref),
        review?.text ?? "The ci run left no review diff: its log says why."
      ].filter((part) => part !== "").join("\n\n"),
      footer: `<sub>Review diff of ${shortSha(run.head_sha)} from [ci run](${run.html_url}); who approves: the review bot, with the default branch's code. The \`approvals\` check has the current state.</sub>`,
      truncated: review?.truncated
    };
    const issue = { owner, repo, issue_number: target.number };
    info(`#${target.number}: ${await upsertComment(github, issue, REVIEW_MARKER, commentBody(parts))}`);
    if (typeof routing !== "string") await askReviewers(target.number, routing, pull);
  }
  async function askReviewers(pull_number, routing, pull) {
    const reviews = await github.paginate(github.rest.pulls.listReviews, {
      owner,
      repo,
      pull_number,
      per_page: 100
    });
    const verdict = approvalVerdict({
      routing,
      base: routing.base,
      head: routing.head,
      reviews,
      author: pull.user?.login ?? ""
    });
    const asked = new Set((pull.requested_reviewers ?? []).map((r) => r.login.toLowerCase()));
    const reviewers = verdict.reviewers.filter((login) => !asked.has(login.toLowerCase()));
    if (reviewers.length === 0 && verdict.teamReviewers.length === 0) return;
    try {
      await github.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number,
        reviewers,
        team_reviewers: verdict.teamReviewers
      });
    } catch (error) {
      core.warning(`could not request reviewers: ${error.message}`);
    }
  }
}
function routingSection(routing, baseRef) {
  if (typeof routing === "string")
    return `### Who approves
${WARNING_MARKER} ${routing} The \`approvals\` check fails until a routing is computed.`;
  const section = renderRouting(routing);
  const bound = `<sub>Routing of \`${shortSha(routing.head)}\` merged into \`${baseRef}\` at \`${shortSha(routing.base)}\`.</sub>`;
  return section === "" ? "" : `${section}

${bound}`;
}
function main(scope) {
  return reviewComment({ ...scope, env: process.env, temp: process.env.RUNNER_TEMP ?? "" });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  REVIEW_MARKER,
  main,
  reviewComment
});
