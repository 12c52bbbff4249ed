import type { GitHubApi } from "./github";

/** GitHub refuses comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * Markdown from an artifact, made safe to post: no HTML comment can open (so no marker can be
 * forged or rebuilt from pieces), and no `@` or full-width `＠` mentions anyone.
 */
function defuse(markdown: string): string {
  return markdown.replace(/<!--/g, "&lt;!--").replace(/([@＠])(?=[\p{L}\p{N}_-])/gu, "$1\u2060");
}

export interface CommentParts {
  /** The hidden first line the bot finds its own comment by. */
  readonly marker: string;
  /** The untrusted Markdown to post. */
  readonly markdown: string;
  /** A trusted last line, e.g. which commit and run the comment belongs to. */
  readonly footer: string;
  /** The Markdown was already cut on reading; say so. */
  readonly truncated?: boolean;
}

const CUT_NOTICE = "_Cut to fit GitHub's comment limit; the run's summary has the whole text._";

/**
 * A sticky comment's body: the marker, the defused text, the footer. Escaping comes first and the
 * cut last, on a line boundary, so the body is never longer than GitHub's limit.
 */
export function commentBody({ marker, markdown, footer, truncated = false }: CommentParts): string {
  const text = defuse(markdown).trimEnd();
  const whole = `${marker}\n${text}\n\n${footer}\n`;
  if (!truncated && whole.length <= GITHUB_COMMENT_LIMIT) return whole;
  const room = GITHUB_COMMENT_LIMIT - marker.length - CUT_NOTICE.length - footer.length - 8;
  const cut = text.length <= room ? text : text.slice(0, Math.max(0, text.lastIndexOf("\n", room)));
  return `${marker}\n${cut}\n\n${CUT_NOTICE}\n\n${footer}\n`;
}

/** Creates the comment that starts with `marker` and was written by the bot, or updates it. */
export async function upsertComment(
  github: GitHubApi,
  target: { readonly owner: string; readonly repo: string; readonly issue_number: number },
  marker: string,
  body: string,
): Promise<string> {
  const comments = await github.paginate<{ id: number; user: { login: string } | null; body?: string }>(
    github.rest.issues.listComments,
    { ...target, per_page: 100 },
  );
  const mine = comments.find(
    (c) => c.user?.login === "github-actions[bot]" && (c.body ?? "").startsWith(marker),
  );
  if (mine) {
    await github.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: mine.id,
      body,
    });
    return `updated comment ${mine.id}`;
  }
  const { data } = await github.rest.issues.createComment({ ...target, body });
  return `created comment ${data.id}`;
}
