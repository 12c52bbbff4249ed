import { createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/*
 * Keys for tests and the benchmark, made without `generateKeyPairSync`: on Node.js 20 it can
 * deadlock when a garbage collection during one key generation finalizes an earlier one (the main
 * thread waits forever in ~KeyGenJob). Derived and committed keys are also the same on every run.
 */

/** PKCS #8 of an Ed25519 private key, up to its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** An Ed25519 key pair derived from `label`: the same label always gives the same keys. */
export function ed25519KeyPair(label: string): { publicKey: KeyObject; privateKey: KeyObject } {
  const seed = createHash("sha256").update(label).digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  return { publicKey: createPublicKey(privateKey), privateKey };
}

/** A committed public key of test/fixtures/keys: ecdsa-p256, -p384, -p521, rsa-2048, rsa-3072. */
export function fixturePublicKey(name: string): KeyObject {
  return createPublicKey(readFileSync(join(__dirname, "..", "fixtures", "keys", `${name}.pub.pem`)));
}
