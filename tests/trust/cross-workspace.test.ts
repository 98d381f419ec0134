import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { actAs, currentUser } from "../support/session";
import { discoverServerActions, type ActionFn } from "../support/server-actions";
import { reportFigure } from "../support/trust-report";
import { ACTION_MATRIX, PAGE_MATRIX } from "./permission-matrix";
import { createPeople, createWorld, fingerprint, makeAs, type People, type World } from "./world";
import { initialActionState, type ActionResult } from "@/lib/action-result";

/** Actions that act on the signed-in user rather than inside a workspace: no workspace ids to swap. */
const NOT_WORKSPACE_SCOPED = new Set(["createWorkspaceAction", "acceptInvitationAction"]);
const ACCOUNT_ACTIONS_FILE = "lib/accounts/actions.ts";

/** Every id a workspace holds, by kind, so the fuzzer can put another workspace's ids anywhere. */
const idsOf = (w: World, p: People) => ({
  recommendation: [w.rec.id, w.neighbour.id],
  section: [w.section.id, w.otherSection.id],
  comment: [w.comment.id],
  evidence: [w.evidence.id],
  action: [w.action.id],
  member: [w.targetMembership.id],
  invitation: [w.invitation.id],
  tracker: [w.tracker.id],
  snapshot: [w.snapshot.id],
  user: [p.viewer.id, p.target.id],
});

/** The page file of a route, wherever route groups put it. */
function pageFileOf(route: string): string {
  const appDir = path.join(process.cwd(), "app");
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : entry.name === "page.tsx" ? [full] : [];
    });
  const routeOf = (file: string) =>
    "/" +
    path
      .relative(appDir, path.dirname(file))
      .split(path.sep)
      .filter((part) => !/^\(.*\)$/.test(part))
      .join("/");
  const found = walk(appDir).find((file) => routeOf(file) === route);
  if (!found) throw new Error(`No page file for ${route}`);
  return path.relative(process.cwd(), found);
}

let people: People;
let strangers: People;
let home: World;
let away: World;
const actions = new Map<string, ActionFn>();

beforeAll(async () => {
  people = await createPeople();
  strangers = await createPeople();
  home = await createWorld(people);
  away = await createWorld(strangers);
  for (const action of (await discoverServerActions()).values())
    if (action.file !== ACCOUNT_ACTIONS_FILE && !NOT_WORKSPACE_SCOPED.has(action.name))
      actions.set(action.name, action.fn);
});

describe("cross-workspace fuzzing", () => {
  it("refuses another workspace's ids in every id field of every action, and writes nothing", async () => {
    const candidates = [...actions.keys()].filter((name) => ACTION_MATRIX[name]?.kind === "roles");
    const awayIds = Object.values(idsOf(away, strangers)).flat();
    let cases = 0;
    const leaks: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...candidates),
        fc.nat(),
        fc.constantFrom(...awayIds),
        async (name, fieldIndex, foreignId) => {
          const rule = ACTION_MATRIX[name]!;
          if (rule.kind !== "roles") return;
          actAs(people.owner);
          const fields = await rule.fields({
            w: home,
            p: people,
            email: `fuzz-${cases}@it.test`,
            unique: `fuzz-${Date.now().toString(36)}-${cases}`,
            importer: people.owner,
            manager: people.owner,
            as: makeAs(actAs, currentUser),
          });
          if (name === "setStatusAction") fields.evidenceIds = home.evidence.id;
          const idFields = Object.keys(fields).filter(
            (key) => key === "id" || key.endsWith("Id") || key === "evidenceIds",
          );
          if (idFields.length === 0) return;
          const field = idFields[fieldIndex % idFields.length]!;
          const data = new FormData();
          for (const [key, value] of Object.entries({ ...fields, [field]: foreignId })) data.set(key, value);
          if (rule.settle) {
            // Jobs started with a foreign id must not exist; nothing to settle.
          }
          actAs(people.owner); // full rights in the home workspace
          const before = await fingerprint();
          const result = await actions.get(name)!(initialActionState, data).catch(
            (error: unknown) => ({ ok: true, data: null, thrown: String(error) }) as ActionResult,
          );
          cases += 1;
          const isRefused = Boolean(
            result && !result.ok && ["NOT_FOUND", "FORBIDDEN", "INVALID"].includes(result.code ?? ""),
          );
          const hasWritten = (await fingerprint()) !== before;
          if (!isRefused || hasWritten)
            leaks.push(
              `${name}.${field} = ${foreignId}: ${JSON.stringify(result)}${hasWritten ? " (wrote)" : ""}`,
            );
        },
      ),
      { numRuns: 400, seed: 20211, endOnFailure: true },
    );

    // Reads: workspace pages given another workspace's ids under the member's own workspace.
    const pageCases: string[] = [];
    for (const [route, entry] of Object.entries(PAGE_MATRIX)) {
      const params = entry.params(home);
      for (const key of Object.keys(params).filter((k) => k !== "slug")) {
        const foreign = entry.params(away)[key]!;
        const file = pageFileOf(route);
        const Page = (
          (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as {
            default: (props: unknown) => Promise<unknown>;
          }
        ).default;
        actAs(people.owner);
        let outcome = "rendered";
        try {
          await Page({
            params: Promise.resolve({ ...params, [key]: foreign }),
            searchParams: Promise.resolve({}),
          });
        } catch (error) {
          outcome = String((error as { digest?: string }).digest ?? error);
        }
        cases += 1;
        if (!outcome.endsWith(";404"))
          pageCases.push(`${route} with ${key} from another workspace: ${outcome}`);
      }
    }
    actAs(null);
    const leaksTotal = leaks.length + pageCases.length;
    console.log(`cross-workspace fuzzing: ${cases} cases, ${leaksTotal} cross-workspace reads or writes`);
    reportFigure(
      "Cross-workspace fuzzing",
      `cases ${cases}, cross-workspace reads or writes ${leaksTotal}`,
      leaksTotal === 0,
    );
    expect(leaks).toEqual([]);
    expect(pageCases).toEqual([]);
  });
});
