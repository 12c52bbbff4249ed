import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { decodingBudget, MAX_INFLATED, someDecoding } from "../../../review/plan/decodings";
import { base64encode, base64gzip, jsonencode, urlencode, utf16le } from "../../support/terraform-functions";

const SECRET = "a!b'c(d) e*f";
const holds = (text: string, secret = SECRET) => someDecoding(text, (view) => view.includes(secret));

describe("someDecoding undoes Terraform's encodings, nested, inside longer text", () => {
  test("urlencode (Go's QueryEscape: + for the space, ! ' ( ) * escaped), and a path's %20", () => {
    assert.equal(urlencode(SECRET), "a%21b%27c%28d%29+e%2Af");
    assert.ok(holds(`https://ci.example.org/hook?token=${urlencode(SECRET)}&v=1`));
    assert.ok(holds(`/path/${encodeURIComponent(SECRET)}`));
    assert.ok(holds("p%C3%A4ss-%F0%9F%94%91", "päss-🔑"));
  });

  test("jsonencode and YAML double-quoted escapes: \\uXXXX, \\xXX, \\UXXXXXXXX, \\a, \\e, \\N", () => {
    assert.ok(holds(`{"t":${jsonencode(jsonencode(SECRET))}}`));
    assert.ok(
      holds('"token": "bell\\aand\\eescape \\U0001F511\\x7F\\N"', "bell\x07and\x1bescape 🔑\x7f\x85"),
    );
  });

  test("yamlencode folded at 80 columns (a line break and its indentation read as one space)", () => {
    const secret = "correct horse battery staple, then more words";
    assert.ok(holds('"token": "correct horse battery staple, then\n  more words"\n', secret));
    assert.ok(
      holds(
        '"token": "correct horse battery staple,\\\n  \\ then more words"\n',
        secret.replace(" then", "  then"),
      ),
    );
    assert.ok(holds("key: |-\n  line one\n    indented\n", "line one\n  indented"));
    assert.ok(holds("key: 'it''s mine'\n", "it's mine"));
  });

  test("a folded block scalar keeps the blanks around its folds: a line break reads as a space, an empty line as a break", () => {
    // Counterexamples fast-check found. Seed 469101073: yamlencode's `>-` of "x \n9     and more text".
    const secret = " \n9    ";
    const folded = '"token": >-\n  x \n\n  9     and more\n  text\n';
    assert.ok(holds(folded, secret));
    assert.ok(holds(folded, "and more text"));
    assert.ok(holds(utf16le(folded), secret));
    // And seed 1361477: the block ends at the less indented line glued after it, whose break stays.
    assert.ok(holds("token: >\n  token=       >\n  ~    \n}", "       > ~    \n"));
  });

  test("base64 at any offset of a run, over line breaks, and gzip streams inside", () => {
    assert.ok(holds(`token${base64encode(urlencode(SECRET))}`));
    const pem = base64encode(jsonencode(SECRET)).replace(/(.{8})/g, "$1\n");
    assert.ok(holds(`-----BEGIN X-----\n${pem}\n-----END X-----`));
    assert.ok(holds(base64gzip(`#!/bin/sh\nexport T=${jsonencode(SECRET)}\n`)));
    assert.ok(holds(urlencode(base64gzip(base64gzip(SECRET)))));
    assert.ok(holds(utf16le(`{"t":${jsonencode(SECRET)}}`)));
  });

  test("lenient readings decoded on, however many levels, find nothing that is not there", () => {
    // Counterexample fast-check found (seed -293542022): yamlencode's double-quoted folds around
    // urlencode, whose wrong readings chain ten levels deep; a depth cut-off masked it.
    const text =
      '"token": "\\"token\\": \\"{\\\\\\"auth\\\\\\"\\\\\n\n  \\  :%27token%27%3A+%\\\\\n\n  \\  22Basic%5C+%5Cn%2\\\\\n\n  \\  2%0A%0A\\\\n\\"\\n"\n';
    assert.ok(!holds(text, " ".repeat(12)));
  });

  test("ordinary text, keys and binary blobs hold nothing", () => {
    for (const text of [
      "terraform_data.token",
      'path "secret/*" {\n  capabilities = ["list"]\n}',
      base64encode("an unrelated value of some length"),
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb2Lq1m0t1hVCbTrSg8pKJ2rM6KQy1HfL0h8vO3tq4a user@host",
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString("base64"),
    ])
      assert.ok(!holds(text), text);
  });
});

describe("deny by default: what cannot be followed to the end counts as holding a secret", () => {
  test("encodings nested any number of levels deep are read to the end", () => {
    let text = jsonencode(SECRET);
    for (let depth = 0; depth < 16; depth++) text = base64encode(`x${text}`);
    assert.ok(holds(text));
    assert.ok(!holds(text, "nothing secret here"));
  });

  test("decodings that grow past the budget", () => {
    const streams = (fills: string) =>
      [...fills].map((fill) => base64gzip(fill.repeat(MAX_INFLATED))).join(" ");
    const over = streams(" .,;:");
    assert.ok(5 * MAX_INFLATED > decodingBudget(over.length));
    assert.ok(holds(over), "past the budget is denied");
    assert.ok(!holds(streams(" .,")), "within it, read to the end");
  });

  test(`a gzip stream inflating past ${MAX_INFLATED} bytes; one that does not inflate is no gzip`, () => {
    const bomb = gzipSync(Buffer.alloc(MAX_INFLATED + 1, " ")).toString("base64");
    assert.ok(holds(bomb));
    assert.ok(!holds(gzipSync(Buffer.alloc(MAX_INFLATED, " ")).toString("base64")));
    const corrupt = Buffer.from(base64gzip("nothing secret here"), "base64");
    corrupt.fill(0xff, 12, 20);
    assert.ok(!holds(corrupt.toString("base64")));
  });
});
