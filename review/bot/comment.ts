import { defuseMentions, showBidiControls, WORD_JOINER } from "../markdown";
import type { GitHubApi } from "./github";

/** GitHub refuses comment bodies longer than this. */
/** A commit as comments show it: its first 12 hex digits. */
export const shortSha = (sha: string) => sha.slice(0, 12);

export const GITHUB_COMMENT_LIMIT = 65_536;

/** Code points an HTML character reference may spell that GitHub could read as a mention's `@`. */
const AT_SIGN_CODE_POINTS = new Set([0x40, 0xff20, 0xfe6b]);

/**
 * Character references that spell an `@` once rendered (`&#64;`, `&#x40;`, `&#00064`, `&commat;`,
 * with or without the `;` an HTML parser forgives), written out as the character itself so that
 * `defuseMentions` sees it. Every other reference is left alone.
 */
function spellOutAtSigns(markdown: string): string {
  return markdown
    .replace(/&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/g, (ref, hex?: string, dec?: string) => {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? "", 10);
      return AT_SIGN_CODE_POINTS.has(code) ? String.fromCodePoint(code) : ref;
    })
    .replace(/&commat;?/gi, "@");
}

/**
 * Markdown from an artifact, made safe to post:
 * - no HTML comment, declaration or processing instruction can open and no comment can close:
 *   every `<!`, `<?` and `-->` gets a word joiner inside it, which renders invisibly but is no
 *   markup. Nothing is removed, so no marker can be rebuilt from the pieces of another;
 * - no `@`, `＠` or `﹫`, written out or spelled as an entity, mentions anyone;
 * - bidirectional overrides are shown, not obeyed.
 */
function defuse(markdown: string): string {
  return defuseMentions(
    showBidiControls(
      spellOutAtSigns(markdown)
        .replace(/<(?=[!?])/g, `<${WORD_JOINER}`)
        .replace(/--(?=>)/g, `--${WORD_JOINER}`),
    ),
  );
}

export interface CommentParts {
  /** The hidden first line the bot finds its own comment by, e.g. `<!-- bot:review -->`. */
  readonly marker: string;
  /** The untrusted Markdown to post. */
  readonly markdown: string;
  /** A trusted last line, e.g. which commit and run the comment belongs to; none when empty. */
  readonly footer: string;
  /** The Markdown was already cut on reading; say so. */
  readonly truncated?: boolean;
  /** What a cut says; by default, that the ci run's summary has the whole text. */
  readonly cutNotice?: string;
}

const CUT_NOTICE = "> [!NOTE]\n> Cut to fit GitHub's comment limit; the ci run's summary has the whole text.";

/** How often `text` holds `part`. */
const count = (text: string, part: string) => text.split(part).length - 1;

/**
 * What a cut must append so that the notice after it renders as Markdown: the fence of a code
 * block left open and a `</details>` per collapsible block left open.
 */
function closers(text: string): string {
  let fence: { readonly char: string; readonly length: number } | undefined;
  for (const line of text.split("\n")) {
    const run = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (run === undefined) continue;
    if (!fence) fence = { char: run[0] ?? "`", length: run.length };
    else if (run[0] === fence.char && run.length >= fence.length && line.trim() === run) fence = undefined;
  }
  const openDetails = Math.max(0, count(text, "<details") - count(text, "</details>"));
  return [...(fence ? [fence.char.repeat(fence.length)] : []), ...Array(openDetails).fill("</details>")].join(
    "\n\n",
  );
}

/** `text` cut to at most `room` characters, on a line boundary when there is one, never inside a surrogate pair. */
function cutTo(text: string, room: number): string {
  if (text.length <= room) return text;
  const line = text.lastIndexOf("\n", room);
  if (line > 0) return text.slice(0, line);
  const end = Math.max(0, room);
  return text.slice(0, /[\uD800-\uDBFF]/.test(text.charAt(end - 1)) ? end - 1 : end);
}

/** Throws unless `body` fits GitHub and holds the marker once, first, and no other comment. */
function verify(body: string, marker: string): string {
  if (body.length > GITHUB_COMMENT_LIMIT)
    throw new Error(`comment body of ${body.length} characters is over GitHub's limit`);
  if (!body.startsWith(`${marker}\n`) || count(body, marker) !== 1)
    throw new Error("comment body does not hold its marker exactly once, first");
  if (count(body, "<!--") !== count(marker, "<!--") || count(body, "-->") !== count(marker, "-->"))
    throw new Error("comment body opens or closes an HTML comment besides its marker");
  return body;
}

/**
 * A sticky comment's body: the marker, the defused text, the footer. Escaping comes first and the
 * cut last (on a line boundary, closing a code block or details left open, with a notice); the
 * result is then verified: at most GitHub's limit and the marker exactly once, or an error.
 */
export function commentBody({
  marker,
  markdown,
  footer,
  truncated = false,
  cutNotice = CUT_NOTICE,
}: CommentParts): string {
  if (count(marker, "<!--") !== 1 || count(marker, "-->") !== 1 || marker.includes("\n"))
    throw new Error("a marker is one HTML comment on one line");
  const text = defuse(markdown).trimEnd();
  const tail = footer === "" ? "\n" : `\n\n${footer}\n`;
  const whole = `${marker}\n${text}${tail}`;
  if (!truncated && whole.length <= GITHUB_COMMENT_LIMIT) return verify(whole, marker);

  const assemble = (cut: string, close: string) =>
    `${marker}\n${[cut, close, cutNotice].filter((p) => p !== "").join("\n\n")}${tail}`;
  // Room for the text when nothing needs closing; the cut alone always fits in it.
  const plainRoom = GITHUB_COMMENT_LIMIT - assemble("", "").length - 2;
  // The closers depend on where the cut falls: cut shorter until cut, closers and notice fit.
  let room = plainRoom;
  for (let attempt = 0; attempt < 20 && room > 0; attempt++) {
    const cut = cutTo(text, room).trimEnd();
    const body = assemble(cut, closers(cut));
    if (body.length <= GITHUB_COMMENT_LIMIT) return verify(body, marker);
    room = Math.min(room, cut.length) - (body.length - GITHUB_COMMENT_LIMIT);
  }
  return verify(assemble(cutTo(text, plainRoom).trimEnd(), ""), marker);
}

/** A pull request number as a bot is handed it (artifact, job output): 1-9 digits, nothing else. */
export function pullNumber(text: string | undefined): number | undefined {
  const trimmed = (text ?? "").trim();
  return /^[0-9]{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** A pull request (its issue) of a repository. */
export interface IssueTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issue_number: number;
}

/** The login the job token comments as. */
const BOT_LOGIN = "github-actions[bot]";

/**
 * The first comment the bot wrote whose body starts with `start`, if any. A comment by anyone
 * else, or one that merely holds the text further down, is never it.
 */
export async function findOwnComment(
  github: GitHubApi,
  target: IssueTarget,
  start: string,
): Promise<{ readonly id: number; readonly body: string } | undefined> {
  const comments = await github.paginate<{ id: number; user: { login: string } | null; body?: string }>(
    github.rest.issues.listComments,
    { ...target, per_page: 100 },
  );
  const mine = comments.find((c) => c.user?.login === BOT_LOGIN && (c.body ?? "").startsWith(start));
  return mine ? { id: mine.id, body: mine.body ?? "" } : undefined;
}

/**
 * Creates the comment the bot wrote that starts with the `marker` line, or updates it. A comment
 * by anyone else, or one that merely holds the marker further down, is never touched.
 */
export async function upsertComment(
  github: GitHubApi,
  target: IssueTarget,
  marker: string,
  body: string,
): Promise<string> {
  return writeComment(github, target, await findOwnComment(github, target, `${marker}\n`), body);
}

/** Updates the comment `existing` with `body`, or creates one when there is none. */
export async function writeComment(
  github: GitHubApi,
  target: IssueTarget,
  existing: { readonly id: number } | undefined,
  body: string,
): Promise<string> {
  if (existing) {
    await github.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.id,
      body,
    });
    return `updated comment ${existing.id}`;
  }
  const { data } = await github.rest.issues.createComment({ ...target, body });
  return `created comment ${data.id}`;
}
