// Generated from review/bot/plan-comment.ts by `npm run bots`; edit that file, not this one.
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

// review/bot/plan-comment.ts
var plan_comment_exports = {};
__export(plan_comment_exports, {
  main: () => main,
  planComment: () => planComment
});
module.exports = __toCommonJS(plan_comment_exports);
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

// review/markdown.ts
var DEFAULT_MARKDOWN_LIMIT = 6e4;
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
function escapeHtml(text) {
  return defuseMentions(
    showBidiControls(
      text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(LINE_ENDING, " ")
    )
  );
}
function inlineCode(text) {
  const line = text.replace(LINE_ENDING, " ");
  const longestRun = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longestRun + 1);
  const spaced = line.startsWith(" ") && line.endsWith(" ") && line.trim() !== "";
  const pad = line.startsWith("`") || line.endsWith("`") || spaced ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}
function codeBlock(body, language = "") {
  const longestRun = Math.max(0, ...[...body.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}
${body.replace(/\n$/, "")}
${fence}`;
}
function table(headers, rows) {
  const line = (cells) => `| ${cells.map((c) => escapeCell(c)).join(" | ")} |`;
  return [line(headers), `|${headers.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}
function sentenceItem(text, items = []) {
  return [`- ${text}`, ...items.map((item) => `  - ${item}`)];
}

// review/change/model.ts
var ACTIONS = ["delete", "replace", "create", "update", "import", "read", "move", "forget"];
var DESTRUCTIVE_ACTIONS = ["delete", "replace"];
var SENSITIVE = "(sensitive value)";
var UNKNOWN = "(known after apply)";
function noActions() {
  return Object.fromEntries(ACTIONS.map((a) => [a, 0]));
}
function totalsOf(summaries) {
  const totals = noActions();
  for (const s of summaries) for (const a of ACTIONS) totals[a] += s.counts[a];
  return totals;
}

// review/plan/model.ts
var PLAN_ACTIONS = ACTIONS;
var TABLE_ACTIONS = ["delete", "replace", "create", "update"];
function isDestructive(summary) {
  return DESTRUCTIVE_ACTIONS.some((a) => summary.counts[a] > 0);
}

// runtime/values.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function shorten(text, max) {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path, added, removed, oldPosInc, options) {
    const last = path.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// review/text-diff.ts
function textDiff(before, after, options = {}) {
  const { context = 2, maxLines = Number.POSITIVE_INFINITY } = options;
  const patch = structuredPatch("before", "after", withNewline(before), withNewline(after), "", "", {
    context
  });
  const lines = patch.hunks.flatMap((hunk) => [
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    ...hunk.lines.filter((line) => !line.startsWith("\\"))
  ]);
  if (lines.length <= maxLines) return lines.join("\n");
  return [...lines.slice(0, maxLines), `… ${lines.length - maxLines} more lines`].join("\n");
}
var WHOLE_TEXT = { context: Number.MAX_SAFE_INTEGER };
function withNewline(text) {
  return text === "" || text.endsWith("\n") ? text : `${text}
`;
}

// review/plan/decodings.ts
var import_node_zlib = require("node:zlib");
var MAX_INFLATED = 1 << 20;
var decodingBudget = (length) => 4 * MAX_INFLATED + 64 * length;
var MIN_BASE64_RUN = 6;
var GARBLED_START = 12;
var GARBLED_END = 3;
var MIN_UTF16_TEXT = 8;
var MIN_TEXT = 4;
var UNREADABLE = /* @__PURE__ */ Symbol("unreadable");
function someDecoding(text, found) {
  if (found(text)) return true;
  const seen = /* @__PURE__ */ new Set([text]);
  const blobs = /* @__PURE__ */ new Map();
  let budget = decodingBudget(text.length);
  let level = [text];
  while (level.length > 0) {
    const next = [];
    for (const view of level) {
      for (const decoded of decodings(view, blobs)) {
        if (decoded === UNREADABLE) return true;
        if (seen.has(decoded)) continue;
        budget -= decoded.length;
        if (budget < 0 || found(decoded)) return true;
        seen.add(decoded);
        next.push(decoded);
      }
    }
    level = next;
  }
  return false;
}
function* decodings(text, blobs) {
  if (/[\\\r\n]/.test(text)) yield text.replace(DOUBLE_QUOTED, unescapeDoubleQuoted);
  if (/[\r\n]|''/.test(text)) yield text.replace(SINGLE_QUOTED, unescapeSingleQuoted);
  for (const width of indentations(text)) {
    yield text.replace(new RegExp(`\\n {0,${width}}`, "g"), "\n");
    yield unfoldBlock(text, width);
  }
  if (PERCENT.test(text)) yield percentDecode(text);
  if (PERCENT.test(text) || text.includes("+")) yield percentDecode(text.replace(/\+/g, " "));
  for (const [run] of text.matchAll(BASE64_RUN)) {
    const chars = run.replace(/\r?\n/g, "");
    if (chars.length < MIN_BASE64_RUN) continue;
    let decoded = blobs.get(chars);
    if (!decoded) {
      decoded = [];
      for (let offset = 0; offset < 4 && chars.length - offset >= MIN_BASE64_RUN; offset++)
        decoded.push(...textsOf(Buffer.from(chars.slice(offset), "base64")));
      blobs.set(chars, decoded);
    }
    yield* decoded;
  }
}
var LINE_FOLD = String.raw`[ \t]*(?:\r\n|[\r\n])(?:[ \t]*(?:\r\n|[\r\n]))*[ \t]*`;
var DOUBLE_QUOTED = new RegExp(
  String.raw`(\\(?:\r\n|[\r\n])[ \t]*)|\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[^xuU])|${LINE_FOLD}`,
  "g"
);
var SINGLE_QUOTED = new RegExp(`''|${LINE_FOLD}`, "g");
var ESCAPES = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "	",
  "	": "	",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1B",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "",
  _: " ",
  L: "\u2028",
  P: "\u2029"
};
function unescapeDoubleQuoted(match, lineBreak, sequence) {
  if (lineBreak !== void 0) return "";
  if (sequence === void 0) return fold(match);
  if (sequence.length === 1) return ESCAPES[sequence] ?? match;
  const code = Number.parseInt(sequence.slice(1), 16);
  if (sequence[0] !== "U") return String.fromCharCode(code);
  return code <= 1114111 ? String.fromCodePoint(code) : match;
}
function unescapeSingleQuoted(match) {
  return match === "''" ? "'" : fold(match);
}
function fold(blanks) {
  const breaks = blanks.replace(/\r\n/g, "\n").replace(/[^\r\n]/g, "").length;
  return breaks === 1 ? " " : "\n".repeat(breaks - 1);
}
function unfoldBlock(text, width) {
  const indent = " ".repeat(width);
  const [first = "", ...lines] = text.split("\n");
  let unfolded = first;
  let previous = "outside";
  let empty = 0;
  for (const line of lines) {
    if (/^ *$/.test(line)) {
      empty++;
      continue;
    }
    const inside = line.startsWith(indent);
    const content = inside ? line.slice(width) : line;
    const kind = !inside ? "outside" : /^[ \t]/.test(content) ? "more" : "normal";
    const folds = previous === "normal" && kind === "normal";
    unfolded += (folds ? empty === 0 ? " " : "\n".repeat(empty) : "\n".repeat(empty + 1)) + content;
    previous = kind;
    empty = 0;
  }
  return unfolded + "\n".repeat(empty);
}
function indentations(text) {
  const widths = /* @__PURE__ */ new Set();
  for (const [, blanks] of text.matchAll(/\n( +)/g)) widths.add(blanks?.length ?? 0);
  return [...widths].sort((a, b) => a - b).slice(0, 3);
}
var PERCENT = /%[0-9A-Fa-f]{2}/;
function percentDecode(text) {
  return text.replace(
    /(?:%[0-9A-Fa-f]{2})+/g,
    (run) => Buffer.from(run.replace(/%/g, ""), "hex").toString("utf8")
  );
}
var BASE64_RUN = /[A-Za-z0-9+/_-](?:[A-Za-z0-9+/_-]|\r?\n)*/g;
function textsOf(bytes) {
  const gzip = gzipBody(bytes);
  if (gzip) {
    try {
      const inflated = (0, import_node_zlib.inflateRawSync)(gzip, {
        finishFlush: import_node_zlib.constants.Z_SYNC_FLUSH,
        maxOutputLength: MAX_INFLATED
      });
      return [inflated.toString("utf8")];
    } catch (error) {
      return error.code === "ERR_BUFFER_TOO_LARGE" ? [UNREADABLE] : [];
    }
  }
  const utf8 = utf8Text(bytes);
  if (utf8 !== void 0) return [utf8];
  const texts = [];
  for (const skip of [0, 1]) {
    const even = bytes.subarray(skip, skip + (bytes.length - skip & ~1));
    for (const swap of [false, true]) {
      const text = utf16Text((swap ? Buffer.from(even).swap16() : even).toString("utf16le"));
      if (text !== void 0) texts.push(text);
    }
  }
  return texts;
}
function utf8Text(bytes) {
  let start = 0;
  let end = bytes.length;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (i < GARBLED_START) start = i + 1;
    else if (i >= bytes.length - GARBLED_END) {
      end = i;
      break;
    } else return void 0;
    i++;
  }
  return end - start >= MIN_TEXT ? bytes.toString("utf8", start, end) : void 0;
}
function sequenceLength(bytes, i) {
  const lead = bytes[i] ?? 0;
  if (lead < 128) return lead >= 32 || lead === 9 || lead === 10 || lead === 13 ? 1 : 0;
  const [length, low, high] = lead >= 194 && lead <= 223 ? [2, 128, 191] : lead === 224 ? [3, 160, 191] : lead === 237 ? [3, 128, 159] : lead >= 225 && lead <= 239 ? [3, 128, 191] : lead === 240 ? [4, 144, 191] : lead === 244 ? [4, 128, 143] : lead >= 241 && lead <= 243 ? [4, 128, 191] : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1] ?? 0;
  if (second < low || second > high) return 0;
  for (let j = i + 2; j < i + length; j++) if (((bytes[j] ?? 0) & 192) !== 128) return 0;
  return length;
}
function utf16Text(text) {
  let start = 0;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 55296 && code <= 56319 && isLowSurrogate(text.charCodeAt(i + 1));
    if (pair) i++;
    else if (!isNoise(code)) continue;
    else if (i < GARBLED_START) start = i + 1;
    else if (i >= text.length - GARBLED_END) {
      end = i;
      break;
    } else return void 0;
  }
  return end - start >= MIN_UTF16_TEXT ? text.slice(start, end) : void 0;
}
var isLowSurrogate = (code) => code >= 56320 && code <= 57343;
var isNoise = (code) => code < 32 && code !== 9 && code !== 10 && code !== 13 || code >= 55296 && code <= 57343;
var GZIP_MAGIC = Buffer.from([31, 139, 8]);
var FHCRC = 2;
var FEXTRA = 4;
var FNAME = 8;
var FCOMMENT = 16;
var FRESERVED = 224;
function gzipBody(bytes) {
  const at = bytes.subarray(0, GARBLED_START + GZIP_MAGIC.length).indexOf(GZIP_MAGIC);
  if (at < 0) return void 0;
  const flags = bytes[at + 3] ?? FRESERVED;
  if (flags & FRESERVED) return void 0;
  let offset = at + 10;
  if (flags & FEXTRA) offset += offset + 2 <= bytes.length ? 2 + bytes.readUInt16LE(offset) : bytes.length;
  for (const field of [FNAME, FCOMMENT])
    if (flags & field) offset = bytes.indexOf(0, offset) + 1 || bytes.length;
  if (flags & FHCRC) offset += 2;
  return offset < bytes.length ? bytes.subarray(offset) : void 0;
}

// review/plan/needle-index.ts
var WIDTHS = [16, 8, 4];
var MAX_CHOICES = 64;
var CROWDED = 32;
var BASE = 16777619;
var NeedleIndex = class {
  /**
   * Each needle is indexed by its least shared window, so needles with a common prefix
   * (`secret-1`, `secret-2`, URLs, PEM keys) do not pile up in one bucket.
   */
  indexes = WIDTHS.map((width) => ({
    width,
    out: power(width - 1),
    buckets: /* @__PURE__ */ new Map()
  }));
  constructor(needles) {
    for (const needle of [...new Set(needles)].sort((x, y) => x.length - y.length)) {
      const index = this.indexes.find((i) => i.width <= needle.length);
      if (!index) continue;
      const windows = needle.length - index.width + 1;
      const step = Math.ceil(windows / MAX_CHOICES);
      let hash = 0;
      let offset = 0;
      let least = Number.POSITIVE_INFINITY;
      for (let o = 0; o < windows && least > 0; o += step) {
        const h = windowHash(needle, o, index.width);
        const size = index.buckets.get(h)?.length ?? 0;
        if (size < least) [hash, offset, least] = [h, o, size];
      }
      if (least >= CROWDED && this.find(needle) !== void 0) continue;
      const bucket = index.buckets.get(hash);
      if (bucket) bucket.push({ needle, offset });
      else index.buckets.set(hash, [{ needle, offset }]);
    }
    this.indexes = this.indexes.filter((i) => i.buckets.size > 0);
  }
  /** Whether no needle is indexed. */
  get empty() {
    return this.indexes.length === 0;
  }
  find(text, all = false) {
    const found = [];
    for (const { width, out, buckets } of this.indexes) {
      if (text.length < width) continue;
      let hash = 0;
      for (let j = 0; j < width; j++) hash = Math.imul(hash, BASE) + text.charCodeAt(j) | 0;
      for (let i = 0; ; i++) {
        const bucket = buckets.get(hash & 1073741823);
        if (bucket) {
          for (const { needle, offset } of bucket) {
            const start = i - offset;
            if (start < 0 || !text.startsWith(needle, start)) continue;
            if (!all) return [start, start + needle.length];
            found.push([start, start + needle.length]);
          }
        }
        if (i + width >= text.length) break;
        hash = roll(hash, text.charCodeAt(i), text.charCodeAt(i + width), out);
      }
    }
    return all ? found : void 0;
  }
};
function windowHash(text, at, width) {
  let hash = 0;
  for (let j = at; j < at + width; j++) hash = Math.imul(hash, BASE) + text.charCodeAt(j) | 0;
  return hash & 1073741823;
}
function roll(hash, leaving, entering, out) {
  return Math.imul(hash - Math.imul(leaving, out) | 0, BASE) + entering | 0;
}
function power(exponent) {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, BASE);
  return result;
}

// review/plan/secret-forms.ts
var import_node_crypto = require("node:crypto");
function secretForms(secret) {
  const utf8 = Buffer.from(secret, "utf8");
  const utf16le = Buffer.from(secret, "utf16le");
  const utf16be = Buffer.from(utf16le).swap16();
  const digest = (algorithm, encoding) => (0, import_node_crypto.createHash)(algorithm).update(utf8).digest(encoding);
  return [
    secret,
    ...[utf8, utf16le, utf16be].flatMap(base64Needles),
    ...["md5", "sha1", "sha256", "sha512"].map((algorithm) => digest(algorithm, "hex")),
    digest("sha256", "base64"),
    digest("sha512", "base64")
  ];
}
function base64Needles(bytes) {
  const needles = [];
  const padded = Buffer.alloc(bytes.length + 2);
  for (let skew = 0; skew < 3; skew++) {
    padded.fill(0, 0, skew);
    bytes.copy(padded, skew);
    const encoded = padded.subarray(0, skew + bytes.length).toString("base64");
    const needle = encoded.slice(Math.ceil(8 * skew / 6), Math.floor(8 * (skew + bytes.length) / 6));
    needles.push(needle, needle.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return needles;
}

// review/plan/secrets.ts
var MIN_SECRET_LENGTH = 4;
var NOT_SECRETS = /* @__PURE__ */ new Set(["true", "false", "null"]);
var Secrets = class _Secrets {
  static NONE = new _Secrets([]);
  /** How many distinct literals are searched for. */
  size;
  /** Every form of every literal that depends on the literal alone (secret-forms.ts). */
  forms;
  /** Texts already searched: plans repeat values (before and after, instances of one resource). */
  known = /* @__PURE__ */ new Map();
  constructor(literals) {
    const secrets = /* @__PURE__ */ new Set();
    for (const literal of literals) if (isSecretLike(literal)) secrets.add(literal);
    this.size = secrets.size;
    this.forms = new NeedleIndex([...secrets].flatMap(secretForms));
  }
  /**
   * Whether `text` holds a sensitive literal: in clear, in base64, as a digest, or so inside any
   * nesting of the encodings Terraform's functions produce (decodings.ts).
   */
  contains(text) {
    if (this.forms.empty) return false;
    let found = this.known.get(text);
    if (found === void 0) {
      found = someDecoding(text, (view) => this.forms.find(view) !== void 0);
      this.known.set(text, found);
    }
    return found;
  }
  /** Whether any string, number or key anywhere inside `value` holds a sensitive literal. */
  holds(value) {
    if (this.forms.empty) return false;
    const stack = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node === "string") {
        if (this.contains(node)) return true;
      } else if (typeof node === "number") {
        if (this.contains(String(node))) return true;
      } else if (Array.isArray(node)) {
        for (const child of node) stack.push(child);
      } else if (isRecord(node)) {
        for (const [key, child] of Object.entries(node)) {
          if (this.contains(key)) return true;
          stack.push(child);
        }
      }
    }
    return false;
  }
  /**
   * `text` with every word that holds a sensitive literal replaced by {@link SENSITIVE}. Words
   * end at white space and `. [ ] " ' ( ) , ;`, so the rest of an address stays readable. A
   * literal found only across words (decoded from more than one) masks the whole text.
   */
  redact(text) {
    if (!this.contains(text)) return text;
    const spans = this.forms.find(text, true);
    for (const word of text.matchAll(WORD)) {
      if (this.contains(word[0])) spans.push([word.index, word.index + word[0].length]);
    }
    const words = spans.map(([start, end]) => {
      let from = start;
      let to = end;
      while (from > 0 && !WORD_END.test(text.charAt(from - 1))) from--;
      while (to < text.length && !WORD_END.test(text.charAt(to))) to++;
      return [from, to];
    });
    words.sort((x, y) => x[0] - y[0]);
    let out = "";
    let done = 0;
    for (const [start, end] of words) {
      if (end <= done) continue;
      if (start >= done) out += `${text.slice(done, start)}${SENSITIVE}`;
      done = end;
    }
    out += text.slice(done);
    return this.contains(out) ? SENSITIVE : out;
  }
};
var WORD_END = /[\s.[\]"'(),;]/;
var WORD = /[^\s.[\]"'(),;]+/g;
function isSecretLike(literal) {
  return literal.length >= MIN_SECRET_LENGTH && !NOT_SECRETS.has(literal);
}

// review/plan/render.ts
var MAX_VALUE_CHARS = 200;
var MAX_INLINE_ATTRIBUTES = 5;
function rank(stack) {
  if (isDestructive(stack) || stack.errored) return 0;
  return stack.resources.length > 0 ? 1 : 2;
}
function reviewFirst(counts, warnings) {
  const grants = warnings.filter((l) => l.sensitive).length;
  const removals = warnings.filter((l) => !l.sensitive && !DESTRUCTIVE_ACTIONS.includes(l.action)).length;
  return [
    ...DESTRUCTIVE_ACTIONS.filter((a) => counts[a] > 0).map((a) => `${thousands(counts[a])} to ${a}`),
    ...grants > 0 ? [`${thousands(grants)} grant${grants === 1 ? "" : "s"} of power`] : [],
    ...removals > 0 ? [`${thousands(removals)} removal${removals === 1 ? "" : "s"}`] : []
  ];
}
function entryOf(stack) {
  const resources = new Map(stack.resources.map((r) => [r.address, r]));
  const drifted = new Set(stack.drift);
  return (line) => {
    const addresses = line.items ? [] : line.addresses;
    const named = addresses.filter((a) => !line.text.includes(inlineCode(a))).map(inlineCode);
    const only = line.addresses.length === 1 ? resources.get(line.addresses[0] ?? "") : void 0;
    const facts = only ? planFacts(only, line.text) : "";
    const note = line.addresses.some((a) => drifted.has(a)) ? DRIFTED : "";
    return `${line.text}${named.length > 0 ? ` · ${named.join(", ")}` : ""}${facts ? ` — ${facts}` : ""}${note}`;
  };
}
var DRIFTED = " _(drifted)_";
function planFacts(r, sentence) {
  switch (r.action) {
    case "replace": {
      const forced = r.forcedBy.length > 0 ? `, forced by ${r.forcedBy.map(inlineCode).join(", ")}` : "";
      const reason = r.reason && r.forcedBy.length === 0 ? `: ${r.reason}` : "";
      return `${sentence.startsWith("replaces ") ? "" : "replaced, "}${r.replaceOrder}${forced}${reason}`;
    }
    case "import": {
      const id = r.importId !== void 0 && !sentence.includes(inlineCode(r.importId)) ? `id ${inlineCode(r.importId)}` : "";
      const then = r.alsoUpdates ? `then updated${attributeList(r.changes)}` : "";
      return [id, then].filter((p) => p !== "").join(", ");
    }
    case "update":
      return r.previousAddress && !sentence.includes(inlineCode(r.previousAddress)) ? `moved from ${inlineCode(r.previousAddress)}` : "";
    case "delete":
    case "read":
      return r.reason ?? "";
    default:
      return "";
  }
}
function attributeList(changes) {
  if (changes.length === 0) return "";
  const shown = changes.slice(0, MAX_INLINE_ATTRIBUTES).map((c) => inlineCode(c.path));
  const more = changes.length - shown.length;
  return `: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function valueText(side, max = MAX_VALUE_CHARS) {
  if (side === void 0) return "`null`";
  if (side === SENSITIVE || side === UNKNOWN) return `_${side}_`;
  return multiline(side) ? "(multi-line text, diff below)" : inlineCode(clipped(side, max));
}
function multiline(text) {
  if (text === void 0) return false;
  return text.startsWith('"') && text.includes("\\n");
}
function lineDiff2(c) {
  const decode = (text) => text?.startsWith('"') ? JSON.parse(text) : "";
  const diff = textDiff(decode(c.before), decode(c.after), WHOLE_TEXT);
  return `${inlineCode(c.path)}:

${codeBlock(diff, "diff")}`;
}
function clipped(text, max = MAX_VALUE_CHARS) {
  return text.length <= max ? text : `${shorten(text, max)} (${text.length} chars)`;
}

// review/plan/comment.ts
var NO_CHANGES = "No changes in any stack.";
var RARE_ACTIONS = PLAN_ACTIONS.filter((a) => !TABLE_ACTIONS.includes(a));
var MAX_VALUE_CHARS2 = 100;
var GROUP_MIN = 3;
var KEYS_PER_LINE = 8;
var MAX_VISIBLE = 20;
var MAX_DRIFT_NAMES = 10;
var RESERVE = 800;
var PLACEHOLDER = "\0";
var Room = class {
  constructor(left) {
    this.left = left;
  }
  left;
  /** Set by the first refusal: nothing after it is taken, so nothing after it needs rendering. */
  full = false;
  /** Takes room for `text` and a line break if there is room, in order. */
  take(text) {
    if (this.full || text.length + 1 > this.left) {
      this.full = true;
      return false;
    }
    this.left -= text.length + 1;
    return true;
  }
};
function changesNothing(stacks) {
  return stacks.every((s) => s.resources.length === 0 && s.drift.length === 0 && !s.errored);
}
function renderPlanComment(stacks, options = {}) {
  if (changesNothing(stacks)) return NO_CHANGES;
  const limit = options.limit ?? DEFAULT_MARKDOWN_LIMIT;
  const ordered = [...stacks].sort((a, b) => rank(a) - rank(b));
  const head = headOf(ordered);
  const drift = driftSection(ordered);
  const room = new Room(limit - [...head, ...drift].join("\n\n").length - RESERVE);
  const parts = [...head];
  const first = ordered.map((s) => ({ stack: s, entries: entriesOf(s, "warning") })).filter((s) => s.entries.length > 0);
  if (first.length > 0) parts.push(cautionBlock(first, room));
  const others = ordered.map((s) => ({ stack: s, entries: entriesOf(s, "info") })).filter((s) => s.entries.length > 0);
  if (others.length > 0) parts.push(changesSection(others, room, first.length > 0));
  parts.push(...drift);
  const { blocks, omitted } = attributeDetails(ordered, room);
  parts.push(...blocks);
  if (omitted > 0)
    parts.push(
      `> [!NOTE]
> The attributes of ${thousands(omitted)} ${omitted === 1 ? "resource are" : "resources are"} left out to fit one comment; the plan run's log has every change.`
    );
  return parts.join("\n\n");
}
function headOf(stacks) {
  const changed = stacks.filter((s) => s.resources.length > 0 || s.errored);
  const quiet = stacks.filter((s) => !changed.includes(s));
  if (changed.length === 0) return [NO_CHANGES];
  const row = (subject, counts, bold = false) => [
    subject,
    ...TABLE_ACTIONS.map((a) => bold ? `**${thousands(counts(a))}**` : thousands(counts(a)))
  ];
  const rows = changed.map(
    (s) => row(
      `${isDestructive(s) || s.errored ? `${WARNING_MARKER} ` : ""}${inlineCode(s.stack)}`,
      (a) => s.counts[a]
    )
  );
  if (changed.length > 1)
    rows.push(row("**Total**", (a) => changed.reduce((n, s) => n + s.counts[a], 0), true));
  const head = [table(["Stack", "Delete", "Replace", "Create", "Update"], rows)];
  if (quiet.length > 0) head.push(`No changes in ${quiet.map((s) => inlineCode(s.stack)).join(", ")}.`);
  const rare = RARE_ACTIONS.map((a) => [a, stacks.reduce((n, s) => n + s.counts[a], 0)]).filter(
    ([, n]) => n > 0
  );
  if (rare.length > 0)
    head.push(`Not in the table: ${rare.map(([a, n]) => `${thousands(n)} ${a}`).join(", ")}.`);
  for (const s of changed.filter((s2) => s2.errored))
    head.push(
      `> [!CAUTION]
> ${WARNING_MARKER} **The plan of ${inlineCode(s.stack)} errored.** What it lists is incomplete; fix the error and plan again.`
    );
  return head;
}
function cautionBlock(stacks, room) {
  const totals = reviewFirst(
    totalsOf(stacks.map((s) => s.stack)),
    stacks.flatMap((s) => s.stack.lines.filter((l) => l.severity === "warning"))
  );
  const lines = ["[!CAUTION]", `${WARNING_MARKER} **${totals.join(", ")}**`];
  let omitted = 0;
  for (const { stack, entries } of stacks) {
    const label = `**${inlineCode(stack.stack)}**`;
    if (!room.take(`> ${label}`)) {
      omitted += countOf(entries);
      continue;
    }
    const listed = listEntries(entries, room, "> ");
    lines.push("", label, ...listed.lines);
    omitted += listed.omitted;
  }
  if (omitted > 0)
    lines.push(`- … and ${thousands(omitted)} more, left out to fit one comment: see the plan run's log`);
  return lines.flatMap((l) => l.split("\n")).map((l) => l === "" ? ">" : `> ${l}`).join("\n");
}
function changesSection(stacks, room, afterCaution) {
  const parts = [afterCaution ? "#### Other changes" : "#### Changes"];
  let omitted = 0;
  for (const { stack, entries } of stacks) {
    const label = `**${inlineCode(stack.stack)}**`;
    if (!room.take(label)) {
      omitted += countOf(entries);
      continue;
    }
    const visible = listEntries(entries.slice(0, MAX_VISIBLE), room);
    const lines = [label, ...visible.lines];
    omitted += visible.omitted;
    const folded = entries.slice(MAX_VISIBLE);
    const open = `<details><summary>${thousands(countOf(folded))} more in <code>${escapeHtml(stack.stack)}</code></summary>`;
    if (folded.length > 0 && !room.take(`${open}



</details>`)) omitted += countOf(folded);
    else if (folded.length > 0) {
      const rest = listEntries(folded, room);
      const cut = rest.omitted > 0 ? [`- … and ${thousands(rest.omitted)} more: see the plan run's log`] : [];
      lines.push("", open, "", ...rest.lines, ...cut, "", "</details>");
    }
    parts.push(lines.join("\n"));
  }
  if (omitted > 0) {
    const what = parts.length === 1 ? `${thousands(omitted)} changes` : `… and ${thousands(omitted)} more changes`;
    parts.push(`${what}, left out to fit one comment: see the plan run's log.`);
  }
  return parts.join("\n\n");
}
function listEntries(entries, room, prefix = "") {
  const lines = [];
  let omitted = 0;
  for (const entry of entries) {
    const { line } = entry;
    if (!room.take(`${prefix}${line}`)) {
      omitted += entry.count;
      continue;
    }
    lines.push(line);
    for (let i = 0; i < entry.keys.length; i += KEYS_PER_LINE) {
      const keys = `  ${entry.keys.slice(i, i + KEYS_PER_LINE).join(" ")}`;
      if (!room.take(`${prefix}${keys}`)) {
        lines.push(`  … and ${thousands(entry.keys.length - i)} more, left out to fit one comment`);
        break;
      }
      lines.push(keys);
    }
  }
  return { lines, omitted };
}
var countOf = (entries) => entries.reduce((n, e) => n + e.count, 0);
function driftSection(stacks) {
  const drifted = stacks.filter((s) => s.driftLines.length > 0);
  if (drifted.length === 0) return [];
  const lines = drifted.flatMap((s) => {
    const entry = entryOf({ ...s, resources: [], drift: [] });
    const more = s.driftLines.length - MAX_DRIFT_NAMES;
    return [
      ...s.driftLines.slice(0, MAX_DRIFT_NAMES).map((l) => `- ${inlineCode(s.stack)}: ${entry(l)}`),
      ...more > 0 ? [`- ${inlineCode(s.stack)}: … and ${thousands(more)} more`] : []
    ];
  });
  return [
    [
      "#### Drift",
      "",
      "Changed outside Terraform since the last apply, not by this pull request. A change above marked _(drifted)_ may be putting such a change back.",
      "",
      ...lines
    ].join("\n")
  ];
}
function attributeDetails(stacks, room) {
  const blocks = [];
  let omitted = 0;
  for (const stack of stacks) {
    const resources = stack.resources.filter((r) => r.changes.length > 0);
    if (resources.length === 0) continue;
    const open = `<details><summary>Attributes in <code>${escapeHtml(stack.stack)}</code>: ${thousands(resources.length)} ${resources.length === 1 ? "resource" : "resources"}</summary>`;
    const close = "</details>";
    if (!room.take(`${open}



${close}`)) {
      omitted += resources.length;
      continue;
    }
    const shown = [];
    for (const r of resources) {
      const text = room.full ? void 0 : resourceAttributes(r);
      if (text === void 0 || !room.take(`${text}
`)) omitted++;
      else shown.push(text);
    }
    if (shown.length > 0) blocks.push([open, ...shown, close].join("\n\n"));
  }
  return { blocks, omitted };
}
function resourceAttributes(r) {
  const marker = DESTRUCTIVE_ACTIONS.includes(r.action) ? `${WARNING_MARKER} ` : "";
  const value = (side) => valueText(side, MAX_VALUE_CHARS2);
  const items = r.changes.map((c) => {
    const name = `${inlineCode(c.path)}${c.forcesReplacement ? " (forces replacement)" : ""}`;
    if (multiline(c.before) || multiline(c.after)) return `- ${name}: multi-line text, diff below`;
    if (r.action === "create" || r.action === "read") return `- ${name}: ${value(c.after)}`;
    if (r.action === "delete") return `- ${name}: ${value(c.before)}`;
    return `- ${name}: ${value(c.before)} → ${value(c.after)}`;
  });
  const diffs = r.changes.filter((c) => multiline(c.before) || multiline(c.after)).map(lineDiff2);
  return [`${marker}**${r.action}** ${inlineCode(r.address)}
${items.join("\n")}`, ...diffs].join("\n\n");
}
function entriesOf(stack, severity) {
  const entry = entryOf(stack);
  const entries = [];
  let run;
  const flush = () => {
    if (!run) return;
    if (run.keys.length >= GROUP_MIN) {
      const line = run.template.replace(
        inlineCode(PLACEHOLDER),
        `${inlineCode(run.base)} ×${thousands(run.keys.length)}`
      );
      entries.push({ line, keys: keyRanges(run.keys), count: run.keys.length });
    } else {
      for (const line of run.lines) entries.push({ line, keys: [], count: 1 });
    }
    run = void 0;
  };
  for (const l of stack.lines.filter((l2) => l2.severity === severity)) {
    const line = sentenceItem(entry(l), l.items).join("\n");
    const address = l.addresses.length === 1 && !l.items ? l.addresses[0] ?? "" : "";
    const instance = /^(.*[^\s])(\[(?:"(?:[^"\\]|\\.)*"|[0-9]+|\(sensitive key\))\])$/.exec(address);
    const template = line.replaceAll(inlineCode(address), inlineCode(PLACEHOLDER));
    if (!instance?.[1] || !instance[2] || template === line) {
      flush();
      entries.push({ line, keys: [], count: Math.max(1, l.addresses.length) });
      continue;
    }
    if (run && (run.base !== instance[1] || run.template !== template)) flush();
    run ??= { base: instance[1], template, keys: [], lines: [] };
    run.keys.push(instance[2]);
    run.lines.push(line);
  }
  flush();
  return entries;
}
function keyRanges(keys) {
  const shown = [];
  let range;
  const close = () => {
    if (!range) return;
    if (range.size >= 3) shown.push(`${inlineCode(range.first)}–${inlineCode(range.last)}`);
    else shown.push(...(range.size === 2 ? [range.first, range.last] : [range.first]).map(inlineCode));
    range = void 0;
  };
  for (const key of keys) {
    const index = /^\[([0-9]{1,9})\]$/.exec(key)?.[1];
    if (index !== void 0 && range && Number(index) === range.index + 1) {
      range = { ...range, last: key, index: Number(index), size: range.size + 1 };
      continue;
    }
    close();
    if (index === void 0) shown.push(inlineCode(key));
    else range = { first: key, last: key, index: Number(index), size: 1 };
  }
  close();
  return shown;
}

// review/bot/plan-record.ts
var RUN_TITLE = /^plan pull request at ([0-9a-f]{40})$/;
function isPlanPrRun(run) {
  return run.event === "workflow_run" && /^\.github\/workflows\/plan-pr\.yml(@.*)?$/.test(run.path ?? "");
}
var PLAN_MARKER_PREFIX = "<!-- void-infra:plan ";
var PLAN_STATES = ["planned", "outdated", "failed", "code"];
var COMMIT_SHA = /^[0-9a-f]{40}$/;
var STACK_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
var FINGERPRINT = /^[0-9a-f]{64}$/;
var RUN_ID = /^[1-9][0-9]{0,15}$/;
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
function recordLine(record) {
  check(record);
  const fields = [
    `state=${record.state}`,
    `head=${record.head}`,
    ...record.base ? [`base=${record.base}`] : [],
    `run=${record.run}`,
    ...record.now ? [`now=${record.now}`] : [],
    ...Object.entries(record.fingerprints).map(([stack, fp]) => `fp.${stack}=${fp}`)
  ];
  return `${PLAN_MARKER_PREFIX}${fields.join(" ")} -->`;
}
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

// review/plan/summary-json.ts
function parseSummaryJson(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("the plan summary is not JSON");
  }
  const root = object(data, "the plan summary");
  const stacks = list(root.stacks, "stacks");
  if (stacks.length === 0) throw new Error("stacks is an empty list (expected one summary per stack)");
  const summaries = stacks.map((s, i) => stackOf(s, `stacks[${i}]`));
  const names = summaries.map((s) => s.stack);
  if (new Set(names).size !== names.length) throw new Error("stacks names a stack twice");
  return summaries;
}
var REPLACE_ORDERS = ["destroy before create", "create before destroy"];
function stackOf(value, at) {
  const s = object(value, at);
  const stack = string(s.stack, `${at}.stack`);
  if (!STACK_NAME.test(stack)) throw new Error(`${at}.stack is not a stack name`);
  const countsObject = object(s.counts, `${at}.counts`);
  const counts = Object.fromEntries(
    PLAN_ACTIONS.map((a) => {
      const n = countsObject[a];
      if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0)
        throw new Error(`${at}.counts.${a} is not a count`);
      return [a, n];
    })
  );
  const resources = list(s.resources, `${at}.resources`).map(
    (r, i) => resourceOf(r, `${at}.resources[${i}]`)
  );
  for (const a of PLAN_ACTIONS) {
    if (resources.filter((r) => r.action === a).length !== counts[a])
      throw new Error(`${at}.counts.${a} does not match its resources`);
  }
  return {
    stack,
    source: string(s.source, `${at}.source`),
    terraformVersion: optionalString(s.terraformVersion, `${at}.terraformVersion`),
    errored: boolean(s.errored, `${at}.errored`),
    counts,
    resources,
    lines: list(s.lines, `${at}.lines`).map((l, i) => lineOf(l, stack, `${at}.lines[${i}]`)),
    drift: list(s.drift, `${at}.drift`).map((d, i) => string(d, `${at}.drift[${i}]`)),
    driftLines: list(s.driftLines, `${at}.driftLines`).map(
      (l, i) => lineOf(l, stack, `${at}.driftLines[${i}]`)
    )
  };
}
function lineOf(value, stack, at) {
  const l = object(value, at);
  if (string(l.stack, `${at}.stack`) !== stack)
    throw new Error(`${at}.stack is not the stack it is listed under`);
  const severity = string(l.severity, `${at}.severity`);
  if (severity !== "warning" && severity !== "info") throw new Error(`${at}.severity is not warning or info`);
  const action = string(l.action, `${at}.action`);
  if (!PLAN_ACTIONS.includes(action))
    throw new Error(`${at}.action is not a plan action`);
  return {
    stack,
    severity,
    sensitive: boolean(l.sensitive, `${at}.sensitive`),
    action,
    text: string(l.text, `${at}.text`),
    ...l.items !== void 0 && {
      items: list(l.items, `${at}.items`).map((item, i) => string(item, `${at}.items[${i}]`))
    },
    addresses: list(l.addresses, `${at}.addresses`).map((a, i) => string(a, `${at}.addresses[${i}]`))
  };
}
function resourceOf(value, at) {
  const r = object(value, at);
  const action = string(r.action, `${at}.action`);
  if (!PLAN_ACTIONS.includes(action))
    throw new Error(`${at}.action is not a plan action`);
  const replaceOrder = optionalString(r.replaceOrder, `${at}.replaceOrder`);
  if (replaceOrder !== void 0 && !REPLACE_ORDERS.includes(replaceOrder))
    throw new Error(`${at}.replaceOrder is not a replacement order`);
  return {
    address: string(r.address, `${at}.address`),
    action,
    reason: optionalString(r.reason, `${at}.reason`),
    replaceOrder,
    forcedBy: list(r.forcedBy, `${at}.forcedBy`).map((p, i) => string(p, `${at}.forcedBy[${i}]`)),
    previousAddress: optionalString(r.previousAddress, `${at}.previousAddress`),
    importId: optionalString(r.importId, `${at}.importId`),
    alsoUpdates: boolean(r.alsoUpdates, `${at}.alsoUpdates`),
    changes: list(r.changes, `${at}.changes`).map((c, i) => changeOf(c, `${at}.changes[${i}]`))
  };
}
function changeOf(value, at) {
  const c = object(value, at);
  return {
    path: string(c.path, `${at}.path`),
    before: optionalString(c.before, `${at}.before`),
    after: optionalString(c.after, `${at}.after`),
    forcesReplacement: boolean(c.forcesReplacement, `${at}.forcesReplacement`)
  };
}
function object(value, at) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`${at} is not an object`);
  return value;
}
function list(value, at) {
  if (!Array.isArray(value)) throw new Error(`${at} is not a list`);
  return value;
}
function string(value, at) {
  if (typeof value !== "string") throw new Error(`${at} is not a string`);
  return value;
}
function optionalString(value, at) {
  return value === void 0 ? void 0 : string(value, at);
}
function boolean(value, at) {
  if (typeof value !== "boolean") throw new Error(`${at} is not true or false`);
  return value;
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

// review/bot/plan-comment.ts
var MAX_SUMMARY_BYTES = 32 * 1024 * 1024;
var SUMMARY_LIMIT = 6e4;
var CUT_NOTICE2 = "> [!NOTE]\n> Cut to fit GitHub's comment limit; the plan run's log has every change.";
var OUTDATED = "> [!WARNING]\n> **Outdated:**";
async function planComment({ github, context, core, artifactDir }) {
  const run = context.payload.workflow_run;
  const { owner, repo } = context.repo;
  const info = (text) => core.info(logText(text));
  if (!isPlanPrRun(run)) {
    core.warning("the triggering run is not one of plan-pr.yml started by workflow_run; nothing to do");
    return;
  }
  const head = RUN_TITLE.exec(run.display_title ?? "")?.[1];
  if (!head) {
    core.warning("the plan run's title names no commit (expected plan pull request at <sha>); nothing to do");
    return;
  }
  const pulls = await openPullsAt(github, context, head);
  if (pulls.length === 0) {
    info(`no open pull request into the default branch is at ${head}; nothing to do`);
    return;
  }
  const action = context.payload.action;
  if (action === "requested") {
    for (const pull of pulls) {
      const target = { owner, repo, issue_number: pull.number };
      info(`#${pull.number}: ${await markOutdated(github, target, head)}`);
    }
    return;
  }
  if (action !== "completed") return;
  let body;
  try {
    if (run.conclusion === "success") body = planBody(artifactDir, head, run);
    else if (["failure", "timed_out", "startup_failure"].includes(run.conclusion ?? ""))
      body = failedBody(head, run);
  } catch (error) {
    core.setFailed(error.message);
    return;
  }
  if (body === void 0) {
    info(`the plan run ${run.conclusion ?? "ended"} without a plan artifact; nothing to do`);
    return;
  }
  for (const pull of pulls) {
    const target = { owner, repo, issue_number: pull.number };
    const existing = await findOwnComment(github, target, PLAN_MARKER_PREFIX);
    info(`#${pull.number}: ${await writeComment(github, target, existing, body)}`);
  }
}
async function openPullsAt(github, context, sha) {
  const base = context.payload.repository?.default_branch;
  const pulls = await github.paginate(github.rest.pulls.list, {
    ...context.repo,
    state: "open",
    ...base ? { base } : {},
    per_page: 100
  });
  return pulls.filter((p) => p.state === "open" && p.head.sha === sha && Number.isSafeInteger(p.number));
}
async function markOutdated(github, target, now) {
  const existing = await findOwnComment(github, target, PLAN_MARKER_PREFIX);
  if (!existing) return "no plan comment yet";
  const record = parseRecord(existing.body);
  if (!record) return "the plan comment holds no record this bot wrote; left alone";
  if (record.head === now) return `the plan comment is of ${now} already`;
  if (record.state === "outdated" && record.now === now) return "the plan comment is marked outdated already";
  const previous = existing.body.slice(existing.body.indexOf("\n") + 1);
  const rest = previous.startsWith(OUTDATED) ? previous.slice(previous.indexOf("\n\n") + 2) : previous;
  const banner = [
    `${OUTDATED} this plan is of \`${shortSha(record.head)}\`; the pull request is now at \`${shortSha(now)}\`.`,
    "> A new plan follows once ci passes on it and an operator approves the plan run."
  ].join("\n");
  const body = commentBody({
    marker: recordLine({ ...record, state: "outdated", now }),
    markdown: `${banner}

${rest}`,
    footer: "",
    cutNotice: CUT_NOTICE2
  });
  return writeComment(github, target, existing, body);
}
function planBody(dir, head, run) {
  const headFile = readArtifactFile(dir, "head-sha", 64);
  if (headFile === void 0) return void 0;
  if (headFile.text.trim() !== head)
    throw new Error("head-sha in the artifact is not the commit the run planned");
  const base = readArtifactFile(dir, "base-sha", 64)?.text.trim() ?? "";
  if (!COMMIT_SHA.test(base)) throw new Error("base-sha in the artifact is not a commit");
  const planned = readArtifactFile(dir, "planned", 16)?.text.trim();
  const link = `[plan run](${run.html_url})`;
  if (planned === "false") {
    const marker2 = recordLine({ state: "code", head, base, run: run.id, fingerprints: {} });
    const text = `ℹ️ **Terraform plan:** none for \`${shortSha(head)}\`: this pull request changes code, and before it merges only a pull request's data is planned with credentials. Once it merges, plan.yml plans the merged commit and shows that plan on its run page; apply.yml applies a stack only if its plan is that one. · ` + link;
    return commentBody({ marker: marker2, markdown: text, footer: "" });
  }
  if (planned !== "true") throw new Error("planned in the artifact is neither true nor false");
  const summary = readArtifactFile(dir, "summary.json", MAX_SUMMARY_BYTES);
  if (!summary) throw new Error("the artifact holds no summary.json");
  if (summary.truncated) throw new Error("summary.json in the artifact is too large");
  const stacks = parseSummaryJson(summary.text);
  const fingerprints = parseFingerprints(readArtifactFile(dir, "fingerprints", MAX_FINGERPRINTS_BYTES)?.text);
  const names = stacks.map((s) => s.stack);
  if (Object.keys(fingerprints).join(" ") !== names.join(" "))
    throw new Error("the fingerprints in the artifact are not one per stack of the summary, in its order");
  const marker = recordLine({ state: "planned", head, base, run: run.id, fingerprints });
  const where = `Commit \`${shortSha(head)}\`, planned with main at \`${shortSha(base)}\` · ${link}`;
  if (changesNothing(stacks))
    return commentBody({
      marker,
      markdown: `✅ **Terraform plan:** no changes in any stack. ${where}`,
      footer: ""
    });
  const footer = [
    "<details><summary>Fingerprints, for apply</summary>",
    "",
    ...names.map((stack) => `- \`${stack}\`: \`${(fingerprints[stack] ?? "").slice(0, 16)}\``),
    "",
    "After the merge, apply.yml applies a stack only if its plan still has this fingerprint: the same changes to the same state.",
    "",
    "</details>"
  ].join("\n");
  return commentBody({
    marker,
    markdown: `### Terraform plan

${where}

${renderPlanComment(stacks, { limit: SUMMARY_LIMIT })}`,
    footer,
    cutNotice: CUT_NOTICE2
  });
}
function failedBody(head, run) {
  return commentBody({
    marker: recordLine({ state: "failed", head, run: run.id, fingerprints: {} }),
    markdown: [
      "### Terraform plan",
      "",
      `> [!WARNING]`,
      `> The plan of \`${shortSha(head)}\` did not finish: it failed, or its approval was declined. Nothing of it can be applied. [Plan run](${run.html_url})`
    ].join("\n"),
    footer: ""
  });
}
function main(scope) {
  return planComment({ ...scope, artifactDir: (0, import_node_path2.join)(process.env.RUNNER_TEMP ?? "", "plan-pr") });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main,
  planComment
});
