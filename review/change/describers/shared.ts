import { inlineCode, plainText } from "../../markdown";
import type { ReviewContext } from "../context";
import type { Body, Change } from "../model";

/** What a describer returns; the output, action and addresses are filled in from the change. */
export interface Draft {
  readonly text: string;
  /** A grant of power even though nothing is deleted: owners, maintainers, admin, policies, host logins. */
  readonly sensitive?: boolean;
  /** Takes something away although the object stays (a member leaves a team list, a key goes). */
  readonly removes?: boolean;
  /** Only restates what another line says (a file derived from the mirror list): never a warning itself. */
  readonly derived?: boolean;
  readonly ruleDiff?: string;
  /** Lines of one output sharing a group merge into one sentence when there are several. */
  readonly group?: { readonly key: string; readonly summary: (count: number) => string };
  /** Logins (any case) of the people the sentence is about. */
  readonly people?: readonly string[];
}

/**
 * One side of an output (the base's or the head's configuration, a plan's prior state or planned
 * values, an artifact's entries), to follow references from one object to another.
 */
export interface OutputView {
  /** The attributes of the object at `address` (`github_team.team_core`), if this side has it. */
  resource(address: string): Body | undefined;
  /** Every object of one type on this side. */
  resourcesOf(type: string): readonly Body[];
}

export interface Context {
  /** The base side of the change's output (before), and the head side (after). */
  readonly base?: OutputView;
  readonly head?: OutputView;
  readonly review: ReviewContext;
}

/**
 * Sentences for one change. Undefined when the describer has no sentence of its own for the
 * change's action (an import, a move, a forget): the generic one is used.
 */
export type Describer = (change: Change, context: Context) => Draft[] | undefined;

export const code = (value: unknown) => inlineCode(String(value));

/** `Alice Liddell (@alice)` when the login has a known name, else `@alice`; the name is escaped. */
export function person(login: string, context: Context): string {
  const name = context.review.people?.get(login.toLowerCase());
  return name && name.toLowerCase() !== login.toLowerCase() ? `${plainText(name)} (@${login})` : `@${login}`;
}

export function text(value: unknown): string {
  if (value === undefined) return "(none)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The body the change has on its side: after for creations and updates, before for deletions. */
export const body = (change: Change): Body => change.after ?? change.before ?? {};

/** The top-level attribute a path lies in: `tags` for `tags[0]`, `vars` for `vars.ansible_host`. */
const topLevel = (path: string) => path.split(/[.[]/)[0] || path;

/** Whether the top-level attribute `attribute` changed, anywhere inside it. */
export const changed = (change: Change, attribute: string) =>
  change.attributes.some((a) => topLevel(a.path) === attribute);

/** `change` without the attributes (by top-level name) that its sentences have already told. */
export const untold = (change: Change, told: readonly string[]): Change => ({
  ...change,
  attributes: change.attributes.filter((a) => !told.includes(topLevel(a.path))),
});

/**
 * The sentence for what else changed of `change` past the attributes already told, `changes
 * <subject>: description, topics` with the draft's `marks`; none when nothing else did.
 */
export function restChanged(
  change: Change,
  told: readonly string[],
  subject: string,
  marks: Omit<Draft, "text"> = {},
): Draft[] {
  const rest = untold(change, told);
  return rest.attributes.length > 0
    ? [{ text: `changes ${subject}: ${changedAttributes(rest)}`, ...marks }]
    : [];
}

/** Top-level attribute names that changed, e.g. `description, topics`. */
export function changedAttributes(change: Change, limit = 5): string {
  const names = [...new Set(change.attributes.map((a) => topLevel(a.path)))];
  const shown = names.slice(0, limit).join(", ");
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/** `${type.name.attr}`, the name possibly with an instance key (`${type.name["key"].attr}`). */
const REFERENCE =
  /^\$\{([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\])?)\.[A-Za-z0-9_]+\}$/;

/** The literal `attribute` of the object a `${type.name.attr}` reference points at, if any. */
export function follow(value: unknown, side: OutputView | undefined, attribute: string): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = REFERENCE.exec(value);
  if (!match?.[1]) return value.includes("${") ? undefined : value;
  const target = side?.resource(match[1])?.[attribute];
  return typeof target === "string" && !target.includes("${") ? target : undefined;
}

/** Follows a reference on the side the change's body comes from, else on the other side. */
export function followFor(
  change: Change,
  value: unknown,
  context: Context,
  attribute: string,
): string | undefined {
  const side = change.action === "delete" ? context.base : context.head;
  return follow(value, side, attribute) ?? follow(value, context.base ?? context.head, attribute);
}

export function beforeAfter(change: Change, attribute: string): [unknown, unknown] {
  return [change.before?.[attribute], change.after?.[attribute]];
}

/** "changes `address`: attr, attr" for an update no describer has a better sentence for. */
export function genericUpdate(change: Change, sensitive = false): Draft[] {
  return [{ text: `changes ${code(change.address)}: ${changedAttributes(change)}`, sensitive }];
}

/** "a, b and c": a list in a sentence. */
export function listed(items: readonly string[], none = "nothing"): string {
  if (items.length === 0) return none;
  if (items.length === 1) return items[0] ?? none;
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
