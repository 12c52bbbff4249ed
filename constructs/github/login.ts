/** GitHub's login rules: alphanumerics and single hyphens, 1-39 chars, no leading/trailing hyphen. */
export const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
