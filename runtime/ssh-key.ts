import sshpk from "sshpk";
/** An SSH public key that passed the strength rules. */
export interface SshKey {
  readonly type: "ed25519" | "ecdsa" | "rsa";
  readonly bits: number;
  /** `SHA256:...`, the identity used to find the same key in two places. */
  readonly fingerprint: string;
  readonly text: string;
}

const MIN_RSA_BITS = 3072;

interface SshKeyRules {
  /** Weakest RSA modulus accepted. @default MIN_RSA_BITS (3072) */
  readonly minRsaBits?: number;
}

/** Parses one OpenSSH public key line; returns the key or why it is refused. */
export function parseSshKey(text: string, rules: SshKeyRules = {}): SshKey | { problem: string } {
  const minRsaBits = rules.minRsaBits ?? MIN_RSA_BITS;
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
      if (key.size < minRsaBits) {
        return {
          problem: `is an RSA key of ${key.size} bits, too weak (expected ed25519, ecdsa, or RSA of at least ${minRsaBits} bits)`,
        };
      }
      return { type: "rsa", bits: key.size, fingerprint, text };
    default:
      return {
        problem: `is a ${key.type} key, which is not accepted (expected ed25519, ecdsa, or RSA >= ${minRsaBits} bits)`,
      };
  }
}
