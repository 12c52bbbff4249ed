// Generated from review/bot/find-pulls.ts by `npm run bots`; edit that file, not this one.
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

// review/bot/find-pulls.ts
var find_pulls_exports = {};
__export(find_pulls_exports, {
  findPulls: () => findPulls,
  main: () => main
});
module.exports = __toCommonJS(find_pulls_exports);
var CI_WORKFLOW = ".github/workflows/ci.yml";
async function findPulls({ github, context, core }) {
  const { owner, repo } = context.repo;
  const open = await github.paginate(github.rest.pulls.list, {
    owner,
    repo,
    state: "open",
    per_page: 100
  });
  const targets = open.map((p) => ({ number: p.number, head: p.head.sha, base: p.base.ref }));
  const run = context.payload.workflow_run;
  const afterCi = run !== void 0 && run.path === CI_WORKFLOW && run.name === "ci" && run.event === "pull_request";
  const commented = afterCi ? targets.filter((t) => t.head === run.head_sha) : [];
  core.setOutput("targets", JSON.stringify(targets));
  core.setOutput("commented", JSON.stringify(commented));
  core.setOutput("ci-run", afterCi && commented.length > 0 ? String(run.id) : "");
  core.info(
    `${targets.length} open pull request(s) to evaluate; ${commented.length > 0 ? `comment on #${commented.map((t) => t.number).join(", #")}` : "no comment"}`
  );
}
function main(scope) {
  return findPulls({ ...scope, env: process.env, temp: process.env.RUNNER_TEMP ?? "" });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  findPulls,
  main
});
