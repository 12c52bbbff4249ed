/**
 * How machines are named. The pattern must capture the named groups `site` and `cc` (country
 * code); `description` is what error messages show as the expected form.
 */
export interface HostNamingConvention {
  /** Whole-name pattern with named groups `site` and `cc`. */
  readonly pattern: RegExp;
  /** Human form of the pattern, e.g. `<letter>-<site>-<cc>`. */
  readonly description: string;
}

/**
 * `<letter>-<site>-<cc>`: a letter counting up per site, the site (an IATA airport code or a
 * data-centre name such as `sfo3`), and the ISO 3166 country code, all lower case.
 */
export const LETTER_SITE_COUNTRY: HostNamingConvention = {
  pattern: /^(?<letter>[a-z])-(?<site>[a-z]{3}[0-9]*)-(?<cc>[a-z]{2})$/,
  description: "<letter>-<site>-<cc>, e.g. a-hel-fi",
};

/** Labels that prefix a guest's name on its parent machine (`vm3` in `vm3.a-lej-de`). */
export const GUEST_LABEL = /^[a-z][a-z0-9-]{0,62}$/;
