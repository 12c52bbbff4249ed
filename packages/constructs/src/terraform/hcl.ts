/**
 * A small writer for the HCL subset that Nomad, Consul and Vault policies use: blocks with
 * labels, string/number/bool attributes, string lists and maps of string lists. Output is
 * canonical (two-space indent, `=` aligned within a block, one blank line between top-level
 * blocks, trailing newline), so the same rules always give byte-identical text.
 */
export type HclValue = string | number | boolean | readonly string[] | HclMap;

/** An object attribute such as Vault's `allowed_parameters = { "key" = ["v"] }`. */
export interface HclMap {
  readonly entries: readonly (readonly [string, readonly string[]])[];
}

export interface HclBlock {
  /** Block type, e.g. `namespace`, `path`. */
  readonly type: string;
  /** Quoted labels after the type. @default none */
  readonly labels?: readonly string[];
  /** `# ...` comment line placed above the block. @default none */
  readonly comment?: string;
  /** What the block holds: attributes, then nested blocks. */
  readonly body: HclBody;
}

export interface HclBody {
  /** Attributes in output order; undefined values are left out. @default none */
  readonly attributes?: readonly (readonly [string, HclValue | undefined])[];
  /** Nested blocks, after the attributes, in this order. @default none */
  readonly blocks?: readonly HclBlock[];
}

/** Renders a whole document (a top-level body). */
export function renderHcl(body: HclBody): string {
  return `${renderBody(body, 0, "\n\n")}\n`;
}

function renderBody(body: HclBody, depth: number, blockSeparator: string): string {
  const pad = "  ".repeat(depth);
  const attributes = (body.attributes ?? []).filter(
    (a): a is readonly [string, HclValue] => a[1] !== undefined,
  );
  const width = Math.max(0, ...attributes.map(([key]) => key.length));
  const attributeText = attributes.map(
    ([key, value]) => `${pad}${key.padEnd(width)} = ${renderValue(value, depth)}`,
  );
  const blockText = (body.blocks ?? []).map((block) => renderBlock(block, depth));
  const parts = [];
  if (attributeText.length > 0) parts.push(attributeText.join("\n"));
  if (blockText.length > 0) parts.push(blockText.join(blockSeparator));
  return parts.join(blockSeparator);
}

function renderBlock(block: HclBlock, depth: number): string {
  const pad = "  ".repeat(depth);
  const head = [block.type, ...(block.labels ?? []).map(quote)].join(" ");
  const comment = block.comment === undefined ? "" : `${pad}# ${block.comment.replace(/\s*\n\s*/g, " ")}\n`;
  const inner = renderBody(block.body, depth + 1, "\n\n");
  return `${comment}${pad}${head} {\n${inner.length > 0 ? `${inner}\n` : ""}${pad}}`;
}

function renderValue(value: HclValue, depth: number): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (isMap(value)) {
    if (value.entries.length === 0) return "{}";
    const pad = "  ".repeat(depth + 1);
    const width = Math.max(...value.entries.map(([key]) => quote(key).length));
    const lines = value.entries.map(
      ([key, list]) => `${pad}${quote(key).padEnd(width)} = ${renderList(list)}`,
    );
    return `{\n${lines.join("\n")}\n${"  ".repeat(depth)}}`;
  }
  return renderList(value);
}

function isMap(value: HclValue): value is HclMap {
  return typeof value === "object" && !Array.isArray(value);
}

function renderList(list: readonly string[]): string {
  return `[${list.map(quote).join(", ")}]`;
}

/** HCL strings use JSON's escapes for quotes, backslashes and control characters. */
function quote(text: string): string {
  return JSON.stringify(text);
}
