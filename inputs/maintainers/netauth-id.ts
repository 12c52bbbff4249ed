/**
 * A person's NetAuth entity id: the user name the machines know them by (nsscache writes it to
 * passwd, sshd's AuthorizedKeysCommand asks `netkeys --ID %u` for its keys), so it must be a
 * portable Unix user name. NetAuth itself asks for "lower case letters and numbers", starting with
 * a letter (`netauth entity create --help`); hyphens and underscores are kept because GitHub logins
 * have them, and 32 characters is the longest name useradd and utmp take.
 */
export const NETAUTH_ID = /^[a-z][a-z0-9_-]{0,31}$/;

/** What {@link NETAUTH_ID} admits, for messages. */
export const NETAUTH_ID_EXPECTED =
  "a lower-case letter, then up to 31 lower-case letters, digits, '-' or '_'";

/** The entity id of a person: the one their file names, else their login in lower case. */
export function netauthIdOf(login: string, netauth: string | undefined): string {
  return netauth ?? login.toLowerCase();
}
