import { unknownMessage } from "@void-linux/infra-constructs/core";
import type { z } from "zod";
import type { Diagnostic } from "../runtime/diagnostics";
import type { FieldPath, YamlSource } from "./yaml-source";

/**
 * The one translation of zod's issues into the project's diagnostics: each issue becomes
 * `file:line:col: field: problem (expected …)` at the node it is about, unknown keys with a
 * did-you-mean among the keys the schema knows at that place.
 */
export interface IssueWording {
  /** The schema the data was parsed with; unknown keys are compared with the keys it knows there. */
  readonly schema: z.core.$ZodType;
  /** A wording of its own for an unknown key at `path` (e.g. a team name), or undefined for the default. */
  readonly unknownKey?: (path: FieldPath, key: string) => string | undefined;
  /** Every field of the schema words its own problems (`{ error }`): use zod's message as is. */
  readonly ownMessages?: boolean;
  /** A wording of its own for any issue, or undefined for the default (e.g. an empty section). */
  readonly issue?: (issue: z.core.$ZodIssue) => Diagnostic[] | undefined;
}

/** How many documents of one schema a run parses before zod's compiled parsers pay for compiling them. */
const COMPILED_FROM = 64;

/**
 * Parses the document of `source` with `schema`; on failure, pushes one diagnostic per issue.
 * `documents` is how many documents this run parses with the same schema: zod compiles a fast
 * parser for each object schema on first use, which costs more than it saves for a few files.
 */
export function parseDocumentWith<T extends z.core.$ZodType>(
  source: YamlSource,
  schema: T & {
    safeParse(
      data: unknown,
      params?: z.core.ParseContext<z.core.$ZodIssue>,
    ): z.ZodSafeParseResult<z.output<T>>;
  },
  problems: Diagnostic[],
  { documents = 1, ...wording }: Omit<IssueWording, "schema"> & { readonly documents?: number } = {},
): z.output<T> | undefined {
  const parsed = schema.safeParse(source.toJS() ?? {}, { jitless: documents < COMPILED_FROM });
  if (parsed.success) return parsed.data;
  problems.push(
    ...parsed.error.issues.flatMap((issue) => describeIssue(source, issue, { schema, ...wording })),
  );
  return undefined;
}

export function describeIssue(
  source: YamlSource,
  issue: z.core.$ZodIssue,
  wording: IssueWording,
): Diagnostic[] {
  const own = wording.issue?.(issue);
  if (own) return own;
  const path = issue.path as FieldPath;
  if (issue.code === "unrecognized_keys") {
    const known = knownKeysAt(wording.schema, path);
    return issue.keys.map((key) =>
      source.diagnostic(
        [...path, key],
        wording.unknownKey?.(path, key) ?? unknownMessage("key", key, known),
        { key: true },
      ),
    );
  }
  // A mapping's key its pattern refuses (a guest's label, an inventory group, an action): what the
  // pattern says, at the key.
  if (issue.code === "invalid_key")
    return issue.issues.map((inner) => source.diagnostic(path, inner.message, { key: true }));
  if (wording.ownMessages) return [source.diagnostic(path, issue.message)];
  switch (issue.code) {
    case "invalid_type":
      if (!source.has(path)) {
        const { line, col } = source.position(path.slice(0, -1));
        return [
          { ...source.diagnostic(path, `is required (expected ${describeType(issue.expected)})`), line, col },
        ];
      }
      return [source.diagnostic(path, `has the wrong type (expected ${describeType(issue.expected)})`)];
    case "invalid_value":
      return [
        source.diagnostic(
          path,
          `"${String(valueAt(source, path))}" is not allowed (expected one of: ${issue.values.join(", ")})`,
        ),
      ];
    case "too_small":
      return [
        source.diagnostic(
          path,
          issue.origin === "string"
            ? "must not be empty"
            : issue.origin === "array"
              ? `has too few entries (expected at least ${issue.minimum})`
              : `is too small (expected ${issue.inclusive === false ? "more than" : "at least"} ${issue.minimum})`,
        ),
      ];
    case "too_big":
      return [
        source.diagnostic(
          path,
          issue.origin === "number" || issue.origin === "int"
            ? `is too large (expected at most ${issue.maximum})`
            : issue.message,
        ),
      ];
    case "invalid_union":
      return describeUnion(source, issue, wording);
    default:
      return [source.diagnostic(path, issue.message)];
  }
}

/**
 * A value that fits none of a union's shapes. When it has the type of some of them (a mapping where
 * two kinds of mapping are allowed), the problems of the closest one are what the author needs;
 * otherwise the value has the wrong type altogether.
 */
function describeUnion(
  source: YamlSource,
  issue: z.core.$ZodIssue & { code: "invalid_union" },
  wording: IssueWording,
): Diagnostic[] {
  const path = issue.path as FieldPath;
  const wrongType = (branch: readonly z.core.$ZodIssue[]) =>
    branch.some((i) => i.code === "invalid_type" && i.path.length === 0);
  const closest = issue.errors
    .filter((branch) => branch.length > 0 && !wrongType(branch))
    .sort((a, b) => a.length - b.length)[0];
  if (closest)
    return closest.flatMap((inner) =>
      describeIssue(source, { ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, wording),
    );
  const expected = issue.errors.flatMap((branch) =>
    branch.flatMap((i) =>
      i.code === "invalid_type" && i.path.length === 0 ? [describeType(i.expected)] : [],
    ),
  );
  return [source.diagnostic(path, `has the wrong type (expected ${[...new Set(expected)].join(" or ")})`)];
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of keys to values",
  record: "a mapping of keys to values",
};

const describeType = (expected: string) => TYPE_NAMES[expected] ?? expected;

function valueAt(source: YamlSource, path: FieldPath): unknown {
  let value: unknown = source.toJS();
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

/** The keys the object schemas at `path` of `schema` declare (through optionals, defaults, pipes, unions). */
export function knownKeysAt(schema: z.core.$ZodType, path: FieldPath): string[] {
  let nodes = unwrap(schema);
  for (const segment of path) nodes = nodes.flatMap((node) => unwrapAll(childAt(node, segment)));
  return [
    ...new Set(nodes.flatMap((node) => (node._zod.def.type === "object" ? Object.keys(shapeOf(node)) : []))),
  ];
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (node: z.core.$ZodType) => node._zod.def as unknown as Def;
const shapeOf = (node: z.core.$ZodType) => defOf(node).shape as Record<string, z.core.$ZodType>;

/** The schemas a value at `node` is checked by, past wrappers and union branches. */
function unwrap(node: z.core.$ZodType): z.core.$ZodType[] {
  const def = defOf(node);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return unwrap(def.innerType as z.core.$ZodType);
    case "pipe":
      return unwrap(def.in as z.core.$ZodType);
    case "lazy":
      return unwrap((def.getter as () => z.core.$ZodType)());
    case "union":
      return (def.options as z.core.$ZodType[]).flatMap(unwrap);
    default:
      return [node];
  }
}

const unwrapAll = (nodes: readonly z.core.$ZodType[]) => nodes.flatMap(unwrap);

function childAt(node: z.core.$ZodType, segment: string | number): z.core.$ZodType[] {
  const def = defOf(node);
  if (def.type === "object") {
    const child = shapeOf(node)[String(segment)];
    return child ? [child] : [];
  }
  if (def.type === "array" && typeof segment === "number") return [def.element as z.core.$ZodType];
  if (def.type === "record") return [def.valueType as z.core.$ZodType];
  return [];
}
