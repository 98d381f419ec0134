/**
 * Finds every exported server action in the code: each file that starts with "use server" under lib/
 * (where every feature keeps its actions.ts) or app/ (where none should be; one added there is found too).
 * The trust tests call them all, so an action nobody listed still gets tested, or fails the matrix.
 */
import fs from "node:fs";
import path from "node:path";
import type { ActionResult } from "@/lib/action-result";

export type ActionFn = (state: ActionResult, form: FormData) => Promise<ActionResult | void>;
export type DiscoveredAction = { name: string; file: string; fn: ActionFn };

const root = process.cwd();

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Source files of lib/ (generated client excluded) and app/, relative to the repository. */
export function sourceFiles(top: "lib" | "app"): string[] {
  return walk(path.join(root, top))
    .map((file) => path.relative(root, file))
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.startsWith(path.join("lib", "generated")));
}

/** The files that declare server actions (a "use server" directive at the top). */
export function serverActionFiles(): string[] {
  return [...sourceFiles("lib"), ...sourceFiles("app")].filter((file) =>
    /^["']use server["']/m.test(fs.readFileSync(path.join(root, file), "utf8")),
  );
}

export async function discoverServerActions(): Promise<Map<string, DiscoveredAction>> {
  const actions = new Map<string, DiscoveredAction>();
  for (const file of serverActionFiles()) {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const match of source.matchAll(/export async function (\w+)/g)) {
      const fn = mod[match[1]!];
      if (typeof fn !== "function") continue;
      if (actions.has(match[1]!)) throw new Error(`Two server actions are named ${match[1]}: rename one.`);
      actions.set(match[1]!, { name: match[1]!, file, fn: fn as ActionFn });
    }
  }
  return actions;
}
