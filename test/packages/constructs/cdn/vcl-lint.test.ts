import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { alternationInCharacterClass } from "@void-linux/infra-constructs/cdn";

describe("alternationInCharacterClass", () => {
  test("flags a class written like an alternation of suffixes", () => {
    assert.deepEqual(alternationInCharacterClass('if (req.url.path ~ "^.+[.gz|.xz]$") { }'), [
      'regex "^.+[.gz|.xz]$" has the character class [.gz|.xz], which matches a single character; ' +
        'for alternatives use a group (expected e.g. "\\.(gz|xz)")',
    ]);
  });

  test("checks negated matches and every regex of the snippet", () => {
    const vcl = 'if (req.http.A !~ "[ab|cd]" && req.url ~ "[xy|zw]") { }';
    assert.equal(alternationInCharacterClass(vcl).length, 2);
  });

  test("accepts groups, ordinary classes and a literal pipe in a class", () => {
    for (const vcl of [
      'if (req.url.path ~ "\\.(gz|xz|xbps|iso)$") { }',
      'if (req.url ~ "^/[a-z0-9_-]+/") { }',
      'if (req.http.X ~ "[|]") { }',
      'if (req.http.X ~ "[a|b]") { }',
      'if (req.url ~ "\\[gz|xz\\]") { }',
      'set req.http.X = "[gz|xz]";',
    ]) {
      assert.deepEqual(alternationInCharacterClass(vcl), [], vcl);
    }
  });

  test("a ] right after [ is a class member, not the end of the class", () => {
    assert.equal(alternationInCharacterClass('if (req.url ~ "[]ab|cd]") { }').length, 1);
  });
});
