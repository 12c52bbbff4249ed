/**
 * Acme's GitHub organization and people, as the one-file flow reads and validates them from the
 * checkout's `organization.yaml` and `maintainers/`: the same loader, checks and messages as Void's
 * (`npm run validate` in this folder runs them alone). What `acmeApp` builds GitHub from.
 */
import { loadOrganizationData } from "../../inputs";
import type { AcmeGithubProps } from "./github";

/** Acme's teams and people under `root` (this folder); every problem of every file as one DataError. */
export function acmeOrganization(root: string): AcmeGithubProps {
  const { organization, roster } = loadOrganizationData(root);
  return { github: organization.github, people: roster.people };
}
