import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { commentBody, GITHUB_COMMENT_LIMIT, upsertComment } from "../../../review/bot/comment";
import type { GitHubApi } from "../../../review/bot/github";
import { REVIEW_MARKER } from "../../../review/bot/review-comment";
import { fakeGitHub } from "../../support/bots";
import {
  count,
  hostile,
  hostileCases,
  MENTION,
  random,
  rendered,
  UNDEFUSED_AT,
} from "../../support/hostile-text";

const FOOTER = "<sub>Review diff of 0123456789ab from [ci run](https://github.com/o/r/actions/runs/1).</sub>";

const body = (markdown: string, truncated = false) =>
  commentBody({ marker: REVIEW_MARKER, markdown, footer: FOOTER, truncated });

/** Every invariant of a posted body; `label` names the input in a failure. */
function assertSafe(text: string, label: string): void {
  assert.ok(text.length <= GITHUB_COMMENT_LIMIT, `${text.length} characters: ${label}`);
  assert.ok(text.startsWith(`${REVIEW_MARKER}\n`), `marker first: ${label}`);
  assert.equal(count(text, REVIEW_MARKER), 1, `one marker: ${label}`);
  assert.equal(count(text, "<!--"), 1, `one comment opens: ${label}`);
  assert.equal(count(text, "-->"), 1, `one comment closes: ${label}`);
  assert.doesNotMatch(text.slice(REVIEW_MARKER.length), /<[!?]/, `no other declaration: ${label}`);
  const seen = rendered(text.slice(REVIEW_MARKER.length));
  assert.doesNotMatch(seen, MENTION, `no mention: ${label}`);
  assert.doesNotMatch(seen, UNDEFUSED_AT, `every @ defused: ${label}`);
  assert.doesNotMatch(text, /[\u202A-\u202E\u2066-\u2069]/, `no bidi override obeyed: ${label}`);
  assert.ok(text.endsWith(`${FOOTER}\n`), `footer last: ${label}`);
}

describe("defect: the marker could be rebuilt or a comment closed from data", () => {
  test("a `-->` in the data closes nothing; the body holds one `<!--` and one `-->`", () => {
    const text = body("x --> y\n<!-- z -->\n-->");
    assertSafe(text, "closers");
  });

  test("nested and split markers, whatever is removed, never become a second marker", () => {
    for (const forged of [
      `<!-- void-${REVIEW_MARKER}infra:review-diff -->`,
      `<!<!---- void-infra:review-diff -->`,
      "<!-<!---- void-infra:review-diff --->>",
      `<${REVIEW_MARKER}!-- void-infra:review-diff -->`,
      `${REVIEW_MARKER}\n${REVIEW_MARKER}`,
      "<!-- void-infra:review-diff --\u200B>",
    ])
      assertSafe(body(forged), JSON.stringify(forged));
  });
});

describe("defect: a mention could survive rendering", () => {
  test("entities, full-width and small at-signs, and escapes after the @ mention nobody", () => {
    for (const spelled of [
      "&#64;alice",
      "&#x40;alice",
      "&#X0040;alice",
      "&#064alice",
      "&commat;alice",
      "&#65312;alice",
      "&#xFE6B;alice",
      "\uFF20alice",
      "\uFE6Balice",
      "@&#97;lice",
      "\\@alice",
      "<span>&#64;alice</span>",
      "@org/team",
    ])
      assertSafe(body(`hello ${spelled} there`), JSON.stringify(spelled));
  });

  test("a bidi override is spelled out", () => {
    assert.match(body("abc\u202Edef"), /abc\\u\{202e\}def/);
  });
});

describe("defect: escaping could push the body past GitHub's limit", () => {
  test("64,000 @ signs (each escape adds a character) are cut to fit, with a notice", () => {
    for (const review of ["@".repeat(64_000), "@a\n".repeat(21_000), `${"&#64;".repeat(12_800)}`]) {
      const text = body(review, true);
      assertSafe(text, `${review.slice(0, 10)}…`);
      assert.match(text, /Cut to fit GitHub's comment limit/);
    }
  });

  test("a cut inside a code block closes it, so the notice renders as a notice", () => {
    const text = body(`## diff\n\n<details><summary>s</summary>\n\n\`\`\`\`diff\n${"+ x\n".repeat(20_000)}`);
    assertSafe(text, "open fence");
    const beforeNotice = text.slice(0, text.indexOf("> [!NOTE]"));
    assert.match(beforeNotice, /\n````\n\n<\/details>\n\n$/);
  });
});

describe("invariants over hostile strings", () => {
  test("any review text: one marker, first; no mention; no bidi override; within the limit", () => {
    for (const [i, review] of hostileCases(0xc0ffee, 500, 40).entries())
      assertSafe(body(review, i % 5 === 0), JSON.stringify(review));
  });

  test("long hostile review texts are cut after escaping and still keep every invariant", () => {
    const next = random(42);
    for (let i = 0; i < 12; i++) {
      const unit = hostile(next, 30);
      const review = unit.repeat(Math.ceil((60_000 + next() * 20_000) / Math.max(1, unit.length)));
      assertSafe(body(review, next() < 0.5), JSON.stringify(unit));
    }
  });
});

describe("the sticky comment", () => {
  test("only the bot's comment whose first line is the marker is updated", async () => {
    const fake = fakeGitHub(
      [
        { id: 1, user: { login: "mallory" }, body: `${REVIEW_MARKER}\nforged` },
        { id: 2, user: { login: "github-actions[bot]" }, body: `${REVIEW_MARKER}-and-more\nother bot` },
        { id: 3, user: { login: "github-actions[bot]" }, body: `intro\n${REVIEW_MARKER}\nquoted` },
        { id: 4, user: { login: "github-actions[bot]" }, body: `${REVIEW_MARKER}\nours` },
      ],
      new Map(),
      {},
    );
    const github = fake.github as unknown as GitHubApi;
    const said = await upsertComment(github, { owner: "o", repo: "r", issue_number: 1 }, REVIEW_MARKER, "b");
    assert.equal(said, "updated comment 4");
    assert.deepEqual(
      fake.updated.map((u) => u.id),
      [4],
    );
  });

  test("a marker that is not one HTML comment on one line is refused", () => {
    assert.throws(() => commentBody({ marker: "<!-- a --><!-- b -->", markdown: "", footer: "" }));
    assert.throws(() => commentBody({ marker: "no comment", markdown: "", footer: "" }));
  });
});
