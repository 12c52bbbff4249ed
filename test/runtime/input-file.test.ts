import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { DataError, formatDiagnostic } from "../../runtime/diagnostics";
import { readInputText } from "../../runtime/input-file";
import { tempDir } from "../support/project";

describe("readInputText names the encoding of text that is not UTF-8", () => {
  const dir = tempDir();
  /** The one problem reading `bytes` gives, formatted; or the text when it reads. */
  const read = (bytes: Buffer): string => {
    const path = join(dir, "f.yaml");
    writeFileSync(path, bytes);
    try {
      return readInputText(path, "f.yaml", 1 << 20);
    } catch (error) {
      assert.ok(error instanceof DataError);
      assert.equal(error.diagnostics.length, 1);
      return formatDiagnostic(error.diagnostics[0] as never);
    }
  };
  const TEXT = "name: José\ngithub: jose\n";
  const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();

  test("UTF-16 and UTF-32, with a byte-order mark or by the NUL bytes of ASCII in UTF-16", () => {
    const cases: [Buffer, string][] = [
      [
        Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(TEXT, "utf16le")]),
        "little-endian UTF-16 with a byte-order mark",
      ],
      [Buffer.concat([Buffer.of(0xfe, 0xff), utf16be(TEXT)]), "big-endian UTF-16 with a byte-order mark"],
      [Buffer.from(TEXT, "utf16le"), "little-endian UTF-16"],
      [utf16be(TEXT), "big-endian UTF-16"],
      [Buffer.of(0xff, 0xfe, 0, 0, 0x61, 0, 0, 0), "little-endian UTF-32 with a byte-order mark"],
      [Buffer.of(0, 0, 0xfe, 0xff, 0, 0, 0, 0x61), "big-endian UTF-32 with a byte-order mark"],
    ];
    for (const [bytes, encoding] of cases)
      assert.equal(
        read(bytes),
        `f.yaml: (file): is encoded as ${encoding} (expected UTF-8: save the file as UTF-8)`,
      );
  });

  test("a Latin-1 letter is named; a broken UTF-8 sequence is not taken for Latin-1", () => {
    assert.equal(
      read(Buffer.from(TEXT, "latin1")),
      'f.yaml:1:10: (file): is not UTF-8 text (byte 0xe9 is "é" in Latin-1 or Windows-1252, which the file is probably in; expected UTF-8: save the file as UTF-8)',
    );
    assert.equal(
      read(Buffer.from([0x61, 0xc0, 0xaf, 0x0a])),
      "f.yaml:1:2: (file): is not UTF-8 text (byte 0xc0 cannot start a character here; expected UTF-8)",
    );
  });

  test("UTF-8 text of any script reads as itself, a byte-order mark dropped", () => {
    assert.equal(read(Buffer.from(`\ufeff${TEXT}`)), TEXT);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        fc.pre(!text.includes("\u0000") && !text.startsWith("\ufeff"));
        assert.equal(read(Buffer.from(text)), text);
      }),
      { numRuns: 300 },
    );
  });
});
