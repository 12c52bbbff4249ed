import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { maintainerSchema } from "../../inputs/maintainers/schema";
import { parseMirrorList } from "../../inputs/mirrors";
import { MAX_COMBINING_RUN, visibleTextProblem } from "../../inputs/visible-text";
import { DataError } from "../../runtime/diagnostics";

/**
 * The rule, stated independently of the implementation: a character is forbidden in a name when
 * it is a control, format (invisible, bidi), separator other than the plain space, private-use,
 * surrogate or unassigned character, or has no visible form of its own (Default_Ignorable).
 */
const forbidden = (c: string) =>
  (/^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Co}\p{Cs}\p{Cn}]$/u.test(c) && c !== " ") ||
  /^\p{Default_Ignorable_Code_Point}$/u.test(c);

const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((n) => String.fromCodePoint(n));
const forbiddenChar = fc.oneof(
  fc.constantFrom(
    "\u200b",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\u200e",
    "\u202e",
    "\u2066",
    "\u00ad",
    "\u3164",
    "\u00a0",
  ),
  anyCodePoint.filter(forbidden),
);
/** Letters of several scripts, digits, punctuation, symbols, spaces and combining marks (a few in a row). */
const visible = fc
  .string({
    unit: fc.constantFrom(
      ..."Aaz09 .,'-()",
      "é",
      "ß",
      "Ł",
      "東",
      "京",
      "д",
      "ש",
      "ع",
      "क",
      "्",
      "\u0301",
      "©",
      "😀",
    ),
    maxLength: 30,
  })
  .filter((text) => !new RegExp(`\\p{M}{${MAX_COMBINING_RUN + 1}}`, "u").test(text));

/** `text` as a YAML double-quoted scalar, every character outside printable ASCII escaped. */
const yamlQuoted = (text: string) =>
  `"${[...text]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (code >= 0x20 && code < 0x7f && c !== '"' && c !== "\\") return c;
      return code > 0xffff
        ? `\\U${code.toString(16).padStart(8, "0")}`
        : `\\u${code.toString(16).padStart(4, "0")}`;
    })
    .join("")}"`;

const NAME = maintainerSchema(["core"]).shape.name;
const nameRefused = (name: string) => !NAME.safeParse(name).success;
const locationRefused = (location: string) => {
  const text = `- base_url: https://a.example.org/\n  region: EU\n  location: ${yamlQuoted(location)}\n  tier: 2\n  enabled: true\n`;
  try {
    parseMirrorList(text, "mirrors.yaml");
    return false;
  } catch (error) {
    if (error instanceof DataError) return error.diagnostics.some((d) => d.field === "[0].location");
    throw error;
  }
};

describe("visible text: names and locations", () => {
  test("any string holding a forbidden character is refused as a name and as a location, naming it", () => {
    fc.assert(
      fc.property(visible, forbiddenChar, visible, (before, bad, after) => {
        const text = `${before}${bad}${after}`;
        const code = `U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
        assert.ok(nameRefused(`Mallory ${text}`), text);
        assert.ok(locationRefused(`Helsinki ${text}`), text);
        assert.match(
          visibleTextProblem(text) ?? "",
          bad === "\t" ? /a tab/ : new RegExp(code.replace("+", "\\+")),
        );
      }),
      { numRuns: 500 },
    );
  });

  test("a forbidden character at either end is refused, not trimmed away", () => {
    for (const bad of ["\ufeff", "\u00a0", "\u2028", "\u200b"]) {
      assert.ok(nameRefused(`${bad}Mallory`));
      assert.ok(nameRefused(`Mallory${bad}`));
    }
  });

  test("visible text of any script passes", () => {
    fc.assert(fc.property(visible, (text) => assert.equal(visibleTextProblem(text), undefined)));
    for (const name of [
      "Nguyễn Thị",
      "Nguye\u0323\u0302n",
      "Zoë O'Brien-Łukasz",
      "東京",
      "देवनागरी",
      "שלום",
      "Ana 😀",
    ])
      assert.equal(NAME.safeParse(name).success, true, name);
  });

  test(`more than ${MAX_COMBINING_RUN} combining marks in a row are refused, up to ${MAX_COMBINING_RUN} pass`, () => {
    const marks = (n: number) => "\u0300\u0301\u0302\u0303\u0304\u0305\u0306".slice(0, n);
    assert.equal(visibleTextProblem(`e${marks(MAX_COMBINING_RUN)}`), undefined);
    assert.match(
      visibleTextProblem(`e${marks(MAX_COMBINING_RUN + 1)}`) ?? "",
      /stacks more than 4 combining marks/,
    );
  });
});
