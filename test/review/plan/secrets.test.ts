import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { MIN_SECRET_LENGTH, Secrets, sensitiveLiterals } from "../../../review/plan/secrets";

const SECRET = 'Zq9&<pa"ss>w0rd';
const secrets = new Secrets([SECRET, "tok-7f3a9c2e51b84d06"]);
const b64 = (text: string) => Buffer.from(text).toString("base64");
const json = (text: string) => JSON.stringify(text).slice(1, -1);
const go = (text: string) =>
  json(text).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

describe("Secrets: a sensitive literal is found however it is wrapped", () => {
  test("in clear, alone or inside a longer string", () => {
    assert.ok(secrets.contains(SECRET));
    assert.ok(secrets.contains(`postgres://app:${SECRET}@db/app`));
    assert.ok(!secrets.contains("Zq9&<pa"), "a part of a secret is not the secret");
  });

  test("JSON-escaped the JavaScript way and the Go (jsonencode) way, up to three levels", () => {
    for (const encode of [json, go]) {
      assert.ok(secrets.contains(`{"password":"${encode(SECRET)}"}`));
      assert.ok(secrets.contains(encode(encode(SECRET))));
      assert.ok(secrets.contains(json(encode(go(SECRET)))));
    }
  });

  test("percent-encoded, as a path or as a query (urlencode: + for the space)", () => {
    assert.ok(secrets.contains(`https://app:${encodeURIComponent(SECRET)}@db`));
    assert.ok(secrets.contains(`?q=${encodeURIComponent(SECRET).replace(/%20/g, "+")}`));
  });

  test("base64 at every alignment inside a longer text, both alphabets, wrapped, or twice", () => {
    for (const prefix of ["", "a", "ab", "abc", "user:"]) {
      const encoded = b64(`${prefix}${SECRET}!`);
      assert.ok(secrets.contains(`Basic ${encoded}`), prefix);
      assert.ok(secrets.contains(encoded.replace(/\+/g, "-").replace(/\//g, "_")), `${prefix} url`);
    }
    assert.ok(secrets.contains(b64(b64(`token=${SECRET}`))));
    const wrapped = b64(`---\nkey: ${SECRET}\n`).replace(/(.{16})/g, "$1\n");
    assert.ok(secrets.contains(`-----BEGIN X-----\n${wrapped}\n-----END X-----`));
    assert.ok(secrets.contains(b64(`{"db":"${go(SECRET)}"}`)));
  });

  test("no false alarm on ordinary plan text", () => {
    for (const text of [
      "terraform_data.token",
      "Zq9",
      b64("an unrelated value of some length"),
      "46bbaf2e-8ce4-11b4-1a55-dfab42509e62",
      'path "secret/*" {\n  capabilities = ["list"]\n}',
    ])
      assert.ok(!secrets.contains(text), text);
  });

  test("holds looks at every string, number and key of a value", () => {
    assert.ok(secrets.holds({ a: [{ b: `x ${SECRET}` }] }));
    assert.ok(secrets.holds({ [SECRET]: true }));
    assert.ok(new Secrets(["1234567"]).holds({ port: 12345678 }));
    assert.ok(!secrets.holds({ a: ["b", 1, null, true] }));
  });

  test("redact masks the secret and keeps the rest", () => {
    assert.equal(
      secrets.redact('terraform_data.per_token["tok-7f3a9c2e51b84d06"]'),
      'terraform_data.per_token["(sensitive value)"]',
    );
    assert.equal(secrets.redact("nothing here"), "nothing here");
  });

  test(`literals shorter than ${MIN_SECRET_LENGTH} characters, and true/false/null, are not searched for`, () => {
    const few = new Secrets(["", "a", "on", "yes", "true", "false", "null"]);
    assert.equal(few.size, 0);
    assert.ok(!few.contains("yes, turn it on: true"));
    assert.equal(new Secrets(["abcd"]).size, 1);
  });

  test("thousands of secrets with a common prefix over a long text: only a whole one counts", () => {
    const many = new Secrets(Array.from({ length: 10_000 }, (_, i) => `secret-${i}-${"x".repeat(i % 7)}`));
    const text = "lorem ipsum dolor sit amet secret-".repeat(10_000);
    assert.ok(!many.contains(text));
    assert.ok(many.contains(`${text}9996-`));
  });

  test("a digest of a secret (md5, sha1, sha256, sha512, base64sha256, base64sha512) counts", () => {
    for (const algorithm of ["md5", "sha1", "sha256", "sha512"])
      assert.ok(secrets.contains(createHash(algorithm).update(SECRET).digest("hex")), algorithm);
    for (const algorithm of ["sha256", "sha512"])
      assert.ok(secrets.contains(createHash(algorithm).update(SECRET).digest("base64")), algorithm);
  });
});

describe("sensitiveLiterals: every place a plan marks a value sensitive", () => {
  test("before/after_sensitive, sensitive_values (any module), sensitive outputs and variables", () => {
    const plan = {
      resource_changes: [
        {
          change: {
            before: { a: "before-secret", b: "shown", list: ["x-item", "marked-item"] },
            before_sensitive: { a: true, list: [false, true] },
            after: { nested: { deep: ["whole-1", 12345] } },
            after_sensitive: { nested: true },
          },
        },
      ],
      planned_values: {
        outputs: {
          dsn: { sensitive: true, value: "output-secret" },
          open: { sensitive: false, value: "open" },
        },
        root_module: {
          child_modules: [
            { resources: [{ values: { k: "module-secret", v: "plain" }, sensitive_values: { k: true } }] },
          ],
        },
      },
      variables: { key: { value: "variable-secret" }, region: { value: "eu-west" } },
      configuration: {
        root_module: { variables: { key: { sensitive: true, default: "default-secret" }, region: {} } },
      },
    };
    assert.deepEqual(
      new Set(sensitiveLiterals(plan)),
      new Set([
        "before-secret",
        "marked-item",
        "whole-1",
        "12345",
        "output-secret",
        "module-secret",
        "default-secret",
        "variable-secret",
      ]),
    );
  });

  test("the keys of a sensitive object are not collected, booleans are not, marks on no value are harmless", () => {
    const plan = {
      change: {
        before: { auth: { password: "hunter22", enabled: true } },
        before_sensitive: { auth: true, missing: { deeper: true } },
        after: "scalar",
        after_sensitive: { odd: true },
      },
    };
    assert.deepEqual(sensitiveLiterals(plan), ["hunter22"]);
  });
});
