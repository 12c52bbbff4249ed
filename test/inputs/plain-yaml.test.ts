import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { Composer, isScalar, Parser, stringify, visit } from "yaml";
import { readPlainYaml, readYaml11 } from "../../inputs/plain-yaml";
import { YamlSource } from "../../inputs/yaml-source";
import { MAX_DEPTH } from "../../runtime/input-file";

/**
 * What the `yaml` library makes of `text` as the reader used it before the quick reading: one YAML
 * 1.2 document without errors, directives, aliases, anchors, tags or repeated keys, as plain data;
 * undefined when it refuses it.
 */
function libraryReading(text: string): { readonly value: unknown } | undefined {
  const tokens = [...new Parser().parse(text)];
  if (tokens.some((token) => token.type === "directive")) return undefined;
  const composer = new Composer({ version: "1.2", schema: "core", uniqueKeys: false });
  const docs = [...composer.compose(tokens, true, text.length)];
  const [doc] = docs;
  if (!doc || docs.length !== 1 || doc.errors.length > 0) return undefined;
  let plain = true;
  visit(doc, {
    Alias: () => {
      plain = false;
    },
    Node: (_, node) => {
      if (node.tag || node.anchor) plain = false;
    },
    Map: (_, map) => {
      const keys = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (keys.has(key)) plain = false;
        keys.add(key);
      }
    },
  });
  return plain ? { value: doc.toJS({ maxAliasCount: 0 }) } : undefined;
}

/** Scalars that look like other types in one schema or another, and text YAML treats specially. */
const trickyScalar = fc.oneof(
  fc.constantFrom(
    ...["~", "null", "Null", "NULL", "nUll", "true", "True", "FALSE", "yes", "no", "on", "off", "y"],
    ...["0", "-0", "+0", "007", "0o17", "0O17", "0x1F", "0b101", "1_000", "1e3", "1.", ".5", "-.5"],
    ...["1.5e-3", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "12345678901234567890", "1:20", "2026-11-05"],
    ...["10.0.0.1", "2001:db8::1", "<<", "=", "- x", "a: b", "#c", "'q'", '"q"', "|", ">", "&a", "*a", "!t"],
    ...["%x", "@x", "`x", "x #y", "x\ny", " x", "x ", "", "\t", "é", "\u2028", "\u0085", "\ufeff"],
  ),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

/** Data files hold a mapping or a sequence, of anything. */
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, trickyScalar, tie("list"), tie("map")),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), trickyScalar.map(String)), tie("value"), {
    maxKeys: 4,
  }),
}));
const document = fc.oneof(tree.list, tree.map);

/** A document as people write it: block or flow, any scalar style, comments, document markers. */
const written = fc
  .tuple(
    document,
    fc.record({
      flow: fc.boolean(),
      quote: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
      indent: fc.integer({ min: 1, max: 4 }),
      marker: fc.boolean(),
    }),
  )
  .map(([value, style]) => {
    const text = stringify(value, {
      collectionStyle: style.flow ? "flow" : "block",
      defaultStringType: style.quote as "PLAIN",
      indent: style.indent,
      lineWidth: 20,
    });
    return style.marker ? `--- # a comment\n${text}...\n` : text;
  });

/** What people type by mistake: a character YAML cares about, inserted, removed or replaced. */
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 2 }),
  insert: fc.constantFrom(...[":", " ", "-", "#", '"', "'", "\n", "\t", "[", "]", "{", "}", ",", "|"]),
  insert2: fc.constantFrom(...[">", "?", "!", "&", "*", "%", "@", "`", "\\", "  ", "\n  ", ": ", "- "]),
});

const edited = fc.tuple(written, fc.array(edit, { maxLength: 3 })).map(([text, edits]) =>
  edits.reduce((t, { at, remove, insert, insert2 }) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + (at % 2 ? insert : insert2) + t.slice(i + remove);
  }, text),
);

describe("readPlainYaml: the quick reading is the `yaml` library's reading", () => {
  test("whatever it reads, the `yaml` library reads as the same data without a problem", () => {
    fc.assert(
      fc.property(fc.oneof(written, edited), (text) => {
        const plain = readPlainYaml(text, MAX_DEPTH);
        if (!plain) return;
        const library = libraryReading(text);
        assert.ok(library, `the library refuses what was read plainly: ${JSON.stringify(text)}`);
        assert.deepStrictEqual(plain.value, library.value, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  test("has() answers as the library's hasIn on what the quick reading read", () => {
    const path = fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.nat(5), fc.constantFrom("0", "1", "")), {
      maxLength: 3,
    });
    fc.assert(
      fc.property(written, path, (text, at) => {
        if (!readPlainYaml(text, MAX_DEPTH)) return;
        const [doc] = new Composer({ version: "1.2", schema: "core" }).compose(
          [...new Parser().parse(text)],
          true,
        );
        const described = `${JSON.stringify(text)} at ${JSON.stringify(at)}`;
        assert.equal(new YamlSource("f.yaml", text).has(at), doc?.hasIn(at), described);
      }),
      { numRuns: 1000 },
    );
  });

  test("anything beyond plain data, and text the two libraries read differently, is left to the `yaml` library", () => {
    for (const text of [
      "%YAML 1.2\n---\na: 1\n",
      "a: &x 1\nb: 2\n",
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: 1\n---\nb: 2\n",
      "a: 1\na: 2\n",
      "a: 1\n'a': 2\n",
      "__proto__: 1\n",
      "b:\n  constructor: 1\n",
      "1: one\n",
      "true: yes\n",
      "~: nothing\n",
      "? [a, b]\n: c\n",
      "",
      "# only a comment\n",
      "just text\n",
      "a: \tb\n",
      "  ---\n[]\n",
      "a: |1\n  b\n",
      'a: "b\\\n\n  c"\n',
      `${"[".repeat(40)}${"]".repeat(40)}\n`,
    ])
      assert.equal(readPlainYaml(text, MAX_DEPTH), undefined, JSON.stringify(text));
  });
});

describe("readYaml11: how PyYAML reads a plain file", () => {
  test("YAML 1.1's booleans, octals and dates; PyYAML's text stays text", () => {
    assert.deepStrictEqual(readYaml11("a: yes\nb: off\nc: 0777\nd: '1'\ne: 1e3\nf: 09\n"), {
      a: true,
      b: false,
      c: 511,
      d: "1",
      e: "1e3",
      f: "09",
    });
    assert.ok((readYaml11("d: 2024-01-02\n") as { d: unknown }).d instanceof Date);
  });
});
