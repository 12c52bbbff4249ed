// Generated from review/bot/apply-report.ts by `npm run bots`; edit that file, not this one.
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

// review/bot/apply-report.ts
var apply_report_exports = {};
__export(apply_report_exports, {
  APPLY_MARKER: () => APPLY_MARKER,
  applyReport: () => applyReport,
  main: () => main
});
module.exports = __toCommonJS(apply_report_exports);

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
function pullNumber(text) {
  const trimmed = (text ?? "").trim();
  return /^[0-9]{1,9}$/.test(trimmed) ? Number(trimmed) : void 0;
}

// review/bot/plan-record.ts
var STACK_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
var MAX_FINGERPRINTS_BYTES = 16 * 1024;

// review/bot/apply-report.ts
var APPLY_MARKER = "<!-- void-infra:apply -->";
var RESULTS = ["success", "failure", "cancelled", "skipped"];
var MAX_REASON = 600;
async function applyReport({ github, context, core, env }) {
  const pull = pullNumber(env.PR);
  const stack = env.STACK ?? "";
  const review = env.REVIEW_RESULT ?? "";
  const apply = env.APPLY_RESULT ?? "";
  const mainRun = env.MAIN_RUN ?? "";
  if (pull === void 0 || !STACK_NAME.test(stack) || ![review, apply].every((r) => RESULTS.includes(r)) || !/^(?:[1-9][0-9]{0,15})?$/.test(mainRun)) {
    core.setFailed("PR, STACK, REVIEW_RESULT, APPLY_RESULT or MAIN_RUN is not what the apply run hands over");
    return;
  }
  const { owner, repo } = context.repo;
  const runs = `${context.serverUrl}/${owner}/${repo}/actions/runs`;
  const body = commentBody({
    marker: APPLY_MARKER,
    markdown: reportLine({
      stack,
      commit: shortSha(context.sha),
      review,
      apply,
      check: env.CHECK ?? "",
      reason: (env.VERDICT ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_REASON),
      run: `${runs}/${context.runId}`,
      mainRun: mainRun === "" ? "" : `${runs}/${mainRun}`
    }),
    footer: ""
  });
  const { data } = await github.rest.issues.createComment({ owner, repo, issue_number: pull, body });
  core.info(logText(`#${pull}: created comment ${data.id}`));
}
function reportLine(r) {
  const link = `[apply run](${r.run})`;
  const stack = `\`${r.stack}\``;
  const why = r.reason === "" ? "" : `: ${r.reason}`;
  if (r.apply === "success" && r.check === "pr")
    return `✅ **Applied ${stack}** at \`${r.commit}\`: the plan reviewed here. · ${link}`;
  if (r.apply === "success" && r.check === "main" && r.mainRun !== "")
    return `✅ **Applied ${stack}** at \`${r.commit}\`: the plan of the merged commit that [plan.yml](${r.mainRun}) showed, not the one reviewed here${why}. · ${link}`;
  if (r.apply === "success") return `✅ **Applied ${stack}** at \`${r.commit}\`. · ${link}`;
  if (r.apply === "failure")
    return `❌ **Applying ${stack} failed** at \`${r.commit}\`; part of its plan may be applied: read the run's log. · ${link}`;
  if (r.review === "failure")
    return r.check === "unreviewed" ? `⛔ **Did not apply ${stack}** at \`${r.commit}\`: no plan shown for review has its fingerprint${why}. · ${link}` : `⛔ **Did not apply ${stack}** at \`${r.commit}\`: its plan on the apply run failed. · ${link}`;
  if (r.apply === "cancelled")
    return `**Did not apply ${stack}** at \`${r.commit}\`: its apply job was cancelled, by hand or by GitHub, which lets one apply of a stack run and keeps only the newest run waiting for it: a newer apply run of ${stack}, started while this one waited, replaced it. If it had started applying, read its log. · ${link}`;
  return `**Did not apply ${stack}** at \`${r.commit}\`: the run was cancelled, or its approval declined. · ${link}`;
}
function main(scope) {
  return applyReport({ ...scope, env: process.env });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  APPLY_MARKER,
  applyReport,
  main
});
