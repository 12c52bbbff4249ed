import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareText } from "@void-linux/infra-constructs/core";
import ts from "typescript";
import { REPO_ROOT } from "../support/project";

/**
 * The reference part of docs/constructs.md, made from the construct library's own TSDoc: for each
 * subpath its package exports, every construct (`new X(scope, id, props)`) and function with the
 * props they take, every interface those props refer to, each property's type, default
 * (`@default`) and description. What the code says is the one source; the test holds the doc to it.
 */

const LIBRARY_DIR = join(REPO_ROOT, "packages", "constructs");
const PACKAGE = JSON.parse(readFileSync(join(LIBRARY_DIR, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, unknown>;
};

/** The source file behind each exported subpath (`dns` → `src/dns/index.ts`, `dns/aws` → `src/dns/aws.ts`). */
export function entryFiles(): Map<string, string> {
  // The constructs first, then what they stand on, then the hand-written provider bindings.
  const rank = (subpath: string) =>
    subpath.startsWith("bindings/") ? 2 : ["cdktf", "core", "ssh-key"].includes(subpath) ? 1 : 0;
  const subpaths = Object.keys(PACKAGE.exports)
    .filter((key) => key !== "./package.json")
    .map((key) => key.slice(2))
    .sort((a, b) => rank(a) - rank(b) || compareText(a, b));
  return new Map(
    subpaths.map((subpath) => {
      const file = join(LIBRARY_DIR, "src", `${subpath}.ts`);
      return [subpath, existsSync(file) ? file : join(LIBRARY_DIR, "src", subpath, "index.ts")];
    }),
  );
}

export interface Reference {
  readonly markdown: string;
  /** `Interface.property` of every optional property documented without an `@default` tag. */
  readonly missingDefaults: readonly string[];
}

/** Text on one line, `{@link X}` written as `X`. */
const oneLine = (text: string) =>
  text
    .replace(/\{@link\s+([^}\s|]+)[^}]*\}/g, "`$1`")
    .replace(/\s+/g, " ")
    .trim();
/** The text of a doc comment, on one line. */
const commentText = (comment: string) =>
  oneLine(
    comment
      .replace(/^\/\*\*|\*\/$/g, "")
      .split("\n")
      .map((line) => line.replace(/^\s*\* ?/, ""))
      .join(" "),
  );
const cell = (text: string) => oneLine(text).replace(/\|/g, "\\|");
const code = (text: string) => `\`${cell(text).replace(/`/g, "'")}\``;

export function constructReference(): Reference {
  const entries = entryFiles();
  const program = ts.createProgram([...entries.values()], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const inLibrary = (node: ts.Node) => node.getSourceFile().fileName.startsWith(join(LIBRARY_DIR, "src"));
  const documented = new Set<ts.InterfaceDeclaration>();
  const missingDefaults: string[] = [];

  const docOf = (symbol: ts.Symbol) =>
    oneLine(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
  const summaryOf = (symbol: ts.Symbol) => docOf(symbol).split(/(?<=\.)\s/)[0] ?? "";

  /** The library's interfaces a type node names, in order of appearance. */
  function interfacesIn(node: ts.Node | undefined): ts.InterfaceDeclaration[] {
    if (!node) return [];
    const found: ts.InterfaceDeclaration[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isTypeReferenceNode(n)) {
        let symbol = checker.getSymbolAtLocation(n.typeName);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const declaration of symbol?.declarations ?? [])
          if (ts.isInterfaceDeclaration(declaration) && inLibrary(declaration)) found.push(declaration);
      }
      n.forEachChild(visit);
    };
    visit(node);
    return found;
  }

  /** The table of an interface's properties (inherited ones included), and the interfaces they name. */
  function propsTable(declaration: ts.InterfaceDeclaration): {
    table: string;
    nested: ts.InterfaceDeclaration[];
  } {
    const type = checker.getTypeAtLocation(declaration);
    const rows: string[] = [];
    const nested: ts.InterfaceDeclaration[] = [];
    const inherited = new Set<string>();
    for (const property of checker.getPropertiesOfType(type)) {
      const member = property.declarations?.find(ts.isPropertySignature);
      if (!member) continue;
      if (!inLibrary(member)) {
        // cdktf's own, e.g. the meta-arguments every resource takes: named, not repeated.
        const owner = member.parent;
        if (ts.isInterfaceDeclaration(owner)) inherited.add(owner.name.text);
        continue;
      }
      const optional = member.questionToken !== undefined;
      const tag = property.getJsDocTags(checker).find((t) => t.name === "default");
      const fallback = tag ? oneLine(ts.displayPartsToString(tag.text)) : undefined;
      if (optional && fallback === undefined)
        missingDefaults.push(`${declaration.name.text}.${property.name} (${relative(member)})`);
      const typeText = member.type
        ? member.type.getText()
        : checker.typeToString(checker.getTypeOfSymbol(property));
      rows.push(
        `| \`${property.name}\` | ${code(typeText)} | ${optional ? cell(fallback ?? "") : "required"} | ${cell(docOf(property))} |`,
      );
      nested.push(...interfacesIn(member.type));
    }
    const also = [...inherited].map((name) => `\`${name}\` (cdktf)`);
    return {
      table: [
        "| Prop | Type | Default | What it is |",
        "|---|---|---|---|",
        ...rows,
        ...(also.length > 0 ? [`| and those of ${also.join(", ")} | | | |`] : []),
      ].join("\n"),
      nested,
    };
  }

  const relative = (node: ts.Node) => {
    const file = node.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    return `${file.fileName.slice(REPO_ROOT.length + 1)}:${line + 1}`;
  };

  /** A signature's parameters as written: `scope, id, props: DnsZoneProps`. */
  const parametersOf = (parameters: ts.NodeArray<ts.ParameterDeclaration>, construct: boolean) =>
    parameters
      .map((p, index) =>
        construct && index < 2
          ? p.name.getText()
          : `${p.name.getText()}${p.questionToken || p.initializer ? "?" : ""}: ${oneLine(p.type?.getText() ?? "unknown")}`,
      )
      .join(", ");

  /** Each interface once, in the section that first reaches it, then the ones its props name. */
  function interfaceSections(start: readonly ts.InterfaceDeclaration[]): string[] {
    const sections: string[] = [];
    const queue = [...start];
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (documented.has(next)) continue;
      documented.add(next);
      const symbol = checker.getSymbolAtLocation(next.name);
      const { table, nested } = propsTable(next);
      const summary = symbol ? docOf(symbol) : "";
      sections.push([`##### \`${next.name.text}\``, ...(summary ? [summary] : []), table].join("\n\n"));
      queue.push(...nested);
    }
    return sections;
  }

  const parts: string[] = [];
  for (const [subpath, file] of entries) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!source || !moduleSymbol) throw new Error(`${file}: not part of the program`);
    const sections: string[] = [];
    const others: string[] = [];
    const moduleDoc = ts.getLeadingCommentRanges(source.text, 0)?.[0];
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (declaration && ts.isClassDeclaration(declaration) && inLibrary(declaration)) {
        const initializer = declaration.members.find(ts.isConstructorDeclaration);
        const parameters = initializer?.parameters;
        const isConstruct =
          parameters !== undefined && parameters.length >= 2 && parameters[1]?.type?.getText() === "string";
        if (!isConstruct) {
          others.push(exported.name);
          continue;
        }
        const props = parameters.slice(2).flatMap((p) => interfacesIn(p.type));
        const methods = declaration.members.filter(
          (m): m is ts.MethodDeclaration =>
            ts.isMethodDeclaration(m) &&
            (ts.getCombinedModifierFlags(m) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0,
        );
        const methodLines = methods.map((m) => {
          const method = checker.getSymbolAtLocation(m.name);
          const returns = m.type ? `: ${oneLine(m.type.getText())}` : "";
          const summary = method ? summaryOf(method) : "";
          return `- \`${ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static ? `${exported.name}.` : ""}${m.name.getText()}(${parametersOf(m.parameters, false)})${returns}\`${summary ? `: ${summary}` : ""}`;
        });
        sections.push(
          [
            `#### \`${exported.name}\``,
            `\`new ${exported.name}(${parametersOf(parameters, true)})\`${summaryOf(symbol) ? `: ${summaryOf(symbol)}` : ""}`,
            ...(methodLines.length > 0 ? [`Methods:\n\n${methodLines.join("\n")}`] : []),
            ...interfaceSections([
              ...props,
              ...methods.flatMap((m) => m.parameters.flatMap((p) => interfacesIn(p.type))),
            ]),
          ].join("\n\n"),
        );
      } else if (declaration && ts.isFunctionDeclaration(declaration) && inLibrary(declaration)) {
        const returns = declaration.type ? `: ${oneLine(declaration.type.getText())}` : "";
        const props = declaration.parameters.flatMap((p) => interfacesIn(p.type));
        sections.push(
          [
            `#### \`${exported.name}()\``,
            `\`${exported.name}(${parametersOf(declaration.parameters, false)})${returns}\`${summaryOf(symbol) ? `: ${summaryOf(symbol)}` : ""}`,
            ...interfaceSections(props),
          ].join("\n\n"),
        );
      } else {
        others.push(exported.name);
      }
    }
    const remaining = others.filter((name) => ![...documented].some((d) => d.name.text === name));
    parts.push(
      [
        `### \`${PACKAGE.name}/${subpath}\``,
        ...(moduleDoc ? [commentText(source.text.slice(moduleDoc.pos, moduleDoc.end))] : []),
        ...sections,
        ...(remaining.length > 0 ? [`Also exported: ${remaining.map((n) => `\`${n}\``).join(", ")}.`] : []),
      ].join("\n\n"),
    );
  }
  return { markdown: `${parts.join("\n\n")}\n`, missingDefaults };
}
