/** OpenSSH public keys: parsing, fingerprints, and the soundness checks a key must pass. */
export { parseSshKey, type SshKey, sshPublicKeyLine } from "./ssh-key";
