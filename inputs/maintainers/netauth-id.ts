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

/** What a person's file says about their names. */
interface Names {
  readonly github: string;
  readonly netauth?: string;
  /** Earlier logins of the account, oldest first. */
  readonly previously?: readonly string[];
}

/**
 * The entity id of a person: the one their file names, else the first login their account had, in
 * lower case. A GitHub rename then keeps the user name on the machines (and its home directory).
 */
export function netauthIdOf(names: Names): string {
  return names.netauth ?? defaultNetauthId(names).id;
}

/** The id a file without `netauth:` gets, and the field it comes from (for messages). */
export function defaultNetauthId({ github, previously }: Names): { id: string; field: (string | number)[] } {
  const first = previously?.[0];
  return first === undefined
    ? { id: github.toLowerCase(), field: ["github"] }
    : { id: first.toLowerCase(), field: ["previously", 0] };
}
