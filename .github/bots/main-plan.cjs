// Generated from review/bot/main-plan.ts by `npm run bots`; edit that file, not this one.
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

// review/bot/main-plan.ts
var main_plan_exports = {};
__export(main_plan_exports, {
  MAIN_PLAN_DIR: () => MAIN_PLAN_DIR,
  main: () => main,
  mainPlan: () => mainPlan
});
module.exports = __toCommonJS(main_plan_exports);
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

// review/bot/plan-record.ts
var STACK_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
var MAX_FINGERPRINTS_BYTES = 16 * 1024;
function parseFingerprints(text) {
  if (text === void 0) throw new Error("the artifact holds no fingerprints");
  const fingerprints = /* @__PURE__ */ new Map();
  for (const line of text.split("\n").filter((l) => l !== "")) {
    const match = /^([A-Za-z0-9_.-]{1,64}) ([0-9a-f]{64})$/.exec(line);
    if (!match?.[1] || !match[2] || fingerprints.has(match[1]))
      throw new Error("fingerprints in the artifact is not one `<stack> <sha256>` line per stack");
    fingerprints.set(match[1], match[2]);
  }
  return Object.fromEntries(fingerprints);
}

// review/bot/main-plan.ts
var MAIN_PLAN_DIR = "plan-main";
function mainPlan({
  core,
  env,
  artifactDir
}) {
  const stack = env.STACK ?? "";
  const run = env.MAIN_RUN ?? "";
  if (!STACK_NAME.test(stack) || !/^[1-9][0-9]{0,15}$/.test(run)) {
    core.setFailed("STACK is not a stack name, or MAIN_RUN is not a run id");
    return;
  }
  const say = (name, value) => {
    core.setOutput(name, value);
    core.info(logText(`${name}: ${value}`));
  };
  let fingerprints;
  try {
    const file = readArtifactFile(artifactDir, "fingerprints", MAX_FINGERPRINTS_BYTES);
    if (file?.truncated) throw new Error("fingerprints in the artifact is too large");
    fingerprints = parseFingerprints(file?.text);
  } catch (error) {
    say(
      "problem",
      `plan.yml run ${run} left no fingerprints this job can read (${error.message}; its artifact is kept 14 days)`
    );
    return;
  }
  if (!Object.hasOwn(fingerprints, stack)) {
    say("problem", `plan.yml run ${run} records no plan of \`${stack}\``);
    return;
  }
  say("fingerprint", fingerprints[stack] ?? "");
}
function main(scope) {
  return Promise.resolve(
    mainPlan({ ...scope, env: process.env, artifactDir: (0, import_node_path2.join)(process.env.RUNNER_TEMP ?? "", MAIN_PLAN_DIR) })
  );
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MAIN_PLAN_DIR,
  main,
  mainPlan
});
