/**
 * A static import graph of the project's own source files, read with the TypeScript parser: which files
 * and packages a set of entry points loads at run time. `import type`, `export type` and imports whose
 * names are all `type` are left out (the compilers erase them); everything else counts: `import`,
 * `export … from`, `import("…")`, `require("…")`. Relative and `@/` specifiers are followed into the
 * project's files; package specifiers are recorded (by package name) and not followed.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type ImportEdge = {
  /** The importing file, relative to the root. */
  from: string;
  specifier: string;
  isDynamic: boolean;
  /** The imported project file (relative to the root), when the specifier is one. */
  file?: string;
  /** The package name, when the specifier is a package. */
  packageName?: string;
};

const CODE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** Every import of one source file. */
export function importsOf(source: string, fileName: string): { specifier: string; isDynamic: boolean }[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const found: { specifier: string; isDynamic: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const isTypeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!isTypeOnly) found.push({ specifier: node.moduleSpecifier.text, isDynamic: false });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.isTypeOnly
    ) {
      found.push({ specifier: node.moduleSpecifier.text, isDynamic: false });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      !node.isTypeOnly &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push({ specifier: node.moduleReference.expression.text, isDynamic: false });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const [argument] = node.arguments;
      const isImportCall = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if ((isImportCall || isRequire) && argument && ts.isStringLiteralLike(argument)) {
        found.push({ specifier: argument.text, isDynamic: isImportCall });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; `node:fs` and builtins → undefined. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith("node:") || specifier.startsWith(".") || specifier.startsWith("/"))
    return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function resolveFile(base: string): string | undefined {
  const candidates = [base, ...CODE_EXTENSIONS.map((ext) => base + ext)];
  // "./x.js" written for "./x.ts"
  const withoutJs = base.replace(/\.(m|c)?js$/, "");
  if (withoutJs !== base) candidates.push(...CODE_EXTENSIONS.map((ext) => withoutJs + ext));
  candidates.push(...CODE_EXTENSIONS.map((ext) => path.join(base, `index${ext}`)));
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/**
 * Walks from `entries` (files relative to `root`). `follow(edge)` decides whether a dynamic import is followed
 * (static imports always are). Returns every edge seen.
 */
export function walkImports(
  root: string,
  entries: string[],
  follow: (edge: ImportEdge) => boolean = () => true,
): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const seen = new Set<string>();
  const queue = entries.map((entry) => path.resolve(root, entry));
  while (queue.length > 0) {
    const absolute = queue.shift()!;
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    if (!CODE_EXTENSIONS.includes(path.extname(absolute))) continue; // .css, .json, .wasm…
    const from = path.relative(root, absolute);
    for (const { specifier, isDynamic } of importsOf(fs.readFileSync(absolute, "utf8"), absolute)) {
      const edge: ImportEdge = { from, specifier, isDynamic };
      const local = specifier.startsWith(".")
        ? path.resolve(path.dirname(absolute), specifier)
        : specifier.startsWith("@/")
          ? path.resolve(root, specifier.slice(2))
          : undefined;
      if (local !== undefined) {
        const file = resolveFile(local);
        edge.file = path.relative(root, file ?? local);
        if (file && (!isDynamic || follow(edge))) queue.push(file);
      } else {
        edge.packageName = packageNameOf(specifier);
      }
      edges.push(edge);
    }
  }
  return edges;
}

/** Code files under `dir` (relative to `root`), recursively. */
export function codeFilesUnder(root: string, dir: string, exclude: (file: string) => boolean): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && CODE_EXTENSIONS.includes(path.extname(entry.name)))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.endsWith(".d.ts") && !exclude(file))
    .sort();
}
