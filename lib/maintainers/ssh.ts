import sshpk from "sshpk";
import type { SshKey } from "./model";

export const MIN_RSA_BITS = 3072;

/** Parses one OpenSSH public key line; returns the key or why it is refused. */
export function parseSshKey(text: string): SshKey | { problem: string } {
  let key: sshpk.Key;
  try {
    key = sshpk.parseKey(text, "ssh");
  } catch {
    return { problem: 'is not an OpenSSH public key (expected one line like "ssh-ed25519 AAAA... comment")' };
  }
  const fingerprint = key.fingerprint("sha256").toString();
  switch (key.type) {
    case "ed25519":
    case "ecdsa":
      return { type: key.type, bits: key.size, fingerprint, text };
    case "rsa":
      if (key.size < MIN_RSA_BITS) {
        return {
          problem: `is an RSA key of ${key.size} bits, too weak (expected ed25519, ecdsa, or RSA of at least ${MIN_RSA_BITS} bits)`,
        };
      }
      return { type: "rsa", bits: key.size, fingerprint, text };
    default:
      return {
        problem: `is a ${key.type} key, which is not accepted (expected ed25519, ecdsa, or RSA >= ${MIN_RSA_BITS} bits)`,
      };
  }
}
