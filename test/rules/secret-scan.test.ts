import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { synthApp } from "../support/app";
import { REPO_ROOT } from "../support/project";

/** What a leaked credential or key looks like in text. */
const SECRET_PATTERNS: readonly [string, RegExp][] = [
  ["PEM block", /-----BEGIN [A-Z ]+-----/],
  ["Vault service token", /\bhvs\.[A-Za-z0-9_-]{20,}/],
  ["Vault legacy token", /\bs\.[A-Za-z0-9]{24}\b/],
  ["GitHub token", /\bgh[pousr]_[A-Za-z0-9]{30,}/],
  ["40-hex secret (token or SHA-1-shaped key)", /\b[0-9a-f]{40}\b/],
];

/** Attributes that hold key material or secrets: in the JSON they may only be references. */
const SENSITIVE_KEYS =
  /^(private_key_pem|account_key_pem|items|token|secret_id|password|hmac_base64|data_json_sensitive)$/;

function findSecrets(text: string): string[] {
  return SECRET_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** Paths of sensitive attributes whose value contains anything besides `${...}` references. */
function literalSensitiveValues(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => literalSensitiveValues(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = path ? `${path}.${key}` : key;
    if (SENSITIVE_KEYS.test(key)) {
      const strings = typeof v === "string" ? [v] : Object.values(v as Record<string, unknown>);
      return strings.some((s) => typeof s !== "string" || s.replace(/\$\{[^}]+\}/g, "") !== "") ? [here] : [];
    }
    return literalSensitiveValues(v, here);
  });
}

describe("secret scan of every stack synthesized from the live data", () => {
  let stacks: Map<string, string>;
  before(() => {
    const { files } = synthApp({ root: REPO_ROOT });
    stacks = new Map(
      [...files].flatMap(([path, text]) => {
        const name = /^stacks\/([^/]+)\/cdk\.tf\.json$/.exec(path)?.[1];
        return name ? [[name, text] as const] : [];
      }),
    );
  });

  it("covers the hashistack and tls stacks", () => {
    assert.ok(stacks.has("hashistack") && stacks.has("tls"), [...stacks.keys()].join(", "));
  });

  it("recognizes each kind of secret it scans for", () => {
    const planted = [
      "-----BEGIN RSA PRIVATE KEY-----",
      `hvs.${"A".repeat(24)}`,
      `s.${"a1B2".repeat(6)}`,
      `ghp_${"x".repeat(36)}`,
      "0123456789abcdef0123456789abcdef01234567",
    ];
    for (const sample of planted) assert.notDeepEqual(findSecrets(`{"x": "${sample}"}`), [], sample);
    assert.deepEqual(literalSensitiveValues({ resource: { items: { key: "${a.b}", cert: "-----BEGIN" } } }), [
      "resource.items",
    ]);
  });

  it("finds no PEM block or token-like string", () => {
    for (const [name, text] of stacks) assert.deepEqual(findSecrets(text), [], `stack ${name}`);
  });

  it("passes key material and secrets only as references between resources", () => {
    for (const [name, text] of stacks) {
      assert.deepEqual(literalSensitiveValues(JSON.parse(text).resource ?? {}), [], `stack ${name}`);
    }
  });

  it("exposes no outputs from the tls stack", () => {
    assert.equal(JSON.parse(stacks.get("tls") as string).output, undefined);
  });
});
