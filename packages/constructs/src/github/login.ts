/** GitHub's login rules: alphanumerics and single hyphens, 1-39 chars, no leading/trailing hyphen. */
export const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * Logins GitHub itself uses, which no person's account can be: `ghost` stands for every deleted
 * account, so a membership for it would attach to whatever GitHub shows as deleted.
 */
export const GITHUB_SPECIAL_LOGINS: ReadonlyMap<string, string> = new Map([
  ["ghost", "GitHub's stand-in for deleted accounts"],
  ["github", "GitHub's own account"],
]);

/** Why `login` cannot be a person on GitHub, or undefined when it can. */
export function githubLoginProblem(login: string): string | undefined {
  if (!GITHUB_LOGIN.test(login)) return `"${login}" is not a valid GitHub login`;
  const special = GITHUB_SPECIAL_LOGINS.get(login.toLowerCase());
  return special ? `"${login}" is ${special}, not a person` : undefined;
}
