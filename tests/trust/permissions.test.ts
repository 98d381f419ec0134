import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { actAs, currentUser } from "../support/session";
import { discoverServerActions, type ActionFn } from "../support/server-actions";
import { reportFigure } from "../support/trust-report";
import { ACTION_MATRIX, PAGE_MATRIX, PUBLIC_ROUTES, ROUTE_MATRIX, type Rule } from "./permission-matrix";
import { ACTORS, MEMBER_ROLES, createPeople, createWorld, fingerprint, makeAs, type People } from "./world";
import { db } from "@/lib/server/db";
import { createToken } from "@/lib/server/auth/tokens";
import { initialActionState, type ActionResult } from "@/lib/action-result";

const root = process.cwd();
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}
const appFiles = walk(path.join(root, "app")).map((file) => path.relative(root, file));
const routeOf = (file: string) =>
  "/" +
  path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((part) => !/^\(.*\)$/.test(part))
    .join("/");

/** Every exported server action, found in the code (tests/support/server-actions.ts). */
async function discoverActions(): Promise<Map<string, ActionFn>> {
  const found = await discoverServerActions();
  return new Map([...found.values()].map((action) => [action.name, action.fn]));
}

type Outcome = "allow" | "deny" | `error: ${string}`;

async function classify(run: () => Promise<ActionResult | void>): Promise<Outcome> {
  try {
    const result = await run();
    if (!result || result.ok) return "allow";
    if (result.code === "NOT_FOUND" || result.code === "FORBIDDEN") return "deny";
    return `error: ${result.formError ?? ""} ${JSON.stringify(result.fieldErrors ?? {})}`;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return digest.includes("/sign-in") ? "deny" : "allow";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return "deny";
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

let people: People;
let strangers: People;
let actions: Map<string, ActionFn>;
let counter = 0;
let roleRefusals = 0;
let auditedRefusals = 0;
const refusalCount = () => db.activityEvent.count({ where: { type: "access.refused" } });

beforeAll(async () => {
  people = await createPeople();
  strangers = await createPeople();
  actions = await discoverActions();
  // "removed" was a member of a workspace and was removed from it.
  const w = await createWorld(people);
  await db.membership.create({
    data: { workspaceId: w.workspace.id, userId: people.removed.id, role: "EDITOR" },
  });
  await db.membership.deleteMany({ where: { workspaceId: w.workspace.id, userId: people.removed.id } });
});

describe("permission matrix", () => {
  it("lists every server action, page and route handler in the code", () => {
    const missingActions = [...actions.keys()].filter((name) => !(name in ACTION_MATRIX));
    const staleActions = Object.keys(ACTION_MATRIX).filter((name) => !actions.has(name));
    const pages = appFiles.filter((f) => f.endsWith("page.tsx")).map(routeOf);
    const routes = appFiles.filter((f) => /route\.ts$/.test(f)).map(routeOf);
    const listed = new Set([
      ...Object.keys(PAGE_MATRIX),
      ...Object.keys(PUBLIC_ROUTES),
      ...Object.keys(ROUTE_MATRIX),
    ]);
    const missingRoutes = [...pages, ...routes].filter((route) => !listed.has(route));
    expect(missingActions, "server actions missing from tests/trust/permission-matrix.ts").toEqual([]);
    expect(staleActions, "matrix entries for actions that no longer exist").toEqual([]);
    expect(missingRoutes, "pages or route handlers missing from the matrix").toEqual([]);
    expect(actions.size).toBeGreaterThan(30);
  });

  it("allows and refuses every action exactly as the matrix says, and refused calls change nothing", async () => {
    let cells = 0;
    let directCalls = 0;
    let directWrites = 0;
    const unexpected: string[] = [];
    const errors: string[] = [];
    const stranger = await createWorld(strangers);
    for (const [name, rule] of Object.entries(ACTION_MATRIX) as [string, Rule][]) {
      if (rule.kind === "e2e-only") continue;
      const action = actions.get(name)!;
      for (const actor of ACTORS) {
        for (const resource of ["own", "other"] as const) {
          if (rule.kind !== "roles" && resource === "other" && name !== "acceptInvitationAction") continue;
          if ((rule.kind === "public" || rule.kind === "own-account") && actor !== "anonymous") continue;
          const w = resource === "own" ? await createWorld(people) : stranger;
          const user = actor === "anonymous" ? null : people[actor];
          const unique = `m-${Date.now().toString(36)}-${++counter}`;
          const owners = resource === "own" ? people : strangers;
          const role0 = MEMBER_ROLES[actor];
          const fieldContext = {
            w,
            p: owners,
            email: `${unique}@it.test`,
            unique,
            actor: user,
            importer: resource === "own" && user && role0 && role0 !== "VIEWER" ? user : owners.editor,
            manager:
              resource === "own" && user && (role0 === "OWNER" || role0 === "ADMIN") ? user : owners.owner,
            as: makeAs(actAs, currentUser),
          };
          let fields = await rule.fields(fieldContext);
          if (name === "acceptInvitationAction") {
            const { token, tokenHash } = createToken();
            const invitee = resource === "own" && user ? user.email : strangers.viewer.email;
            await db.invitation.create({
              data: {
                workspaceId: w.workspace.id,
                email: invitee,
                role: "VIEWER",
                tokenHash,
                invitedById: (resource === "own" ? people : strangers).owner.id,
                expiresAt: new Date(Date.now() + 60_000),
              },
            });
            fields = { token };
          }
          const role = MEMBER_ROLES[actor];
          const expected =
            rule.kind === "roles"
              ? resource === "own" && role !== undefined && rule.roles.includes(role)
              : rule.kind === "signed-in"
                ? actor !== "anonymous" && resource === "own"
                : rule.kind === "public";
          actAs(user);
          const before = await fingerprint();
          const refusalsBefore = await refusalCount();
          let result: ActionResult | void = undefined;
          const outcome = await classify(
            async () => (result = await action(initialActionState, form(fields))),
          );
          if (rule.kind === "roles" && rule.settle && result) await rule.settle(result, fieldContext);
          cells += 1;
          const label = `${name} · ${actor} · ${resource} workspace`;
          if (outcome.startsWith("error")) {
            errors.push(`${label}: ${outcome}`);
            continue;
          }
          if ((outcome === "allow") !== expected)
            unexpected.push(`${label}: expected ${expected ? "allow" : "deny"}, got ${outcome}`);
          if ((actor === "anonymous" || actor === "removed") && !expected) {
            directCalls += 1;
            if ((await fingerprint()) !== before) directWrites += 1;
          }
          if (outcome === "deny" && (await fingerprint()) !== before)
            unexpected.push(`${label}: refused but wrote to the database`);
          // A member refused by their role in their own workspace leaves exactly one audit event.
          if (outcome === "deny" && rule.kind === "roles" && resource === "own" && role !== undefined) {
            roleRefusals += 1;
            const written = (await refusalCount()) - refusalsBefore;
            if (written === 1) auditedRefusals += 1;
            else unexpected.push(`${label}: refused with ${written} access.refused events instead of 1`);
          }
        }
      }
    }
    actAs(null);
    const unexpectedAllows = unexpected.filter((line) => line.includes("expected deny")).length;
    const unexpectedDenies = unexpected.filter((line) => line.includes("expected allow")).length;
    const writesOnDeny = unexpected.filter((line) => line.includes("wrote")).length;
    reportFigure(
      "Refused calls in the audit log",
      `role refusals ${roleRefusals}, audited as access.refused ${auditedRefusals}`,
      roleRefusals > 0 && auditedRefusals === roleRefusals,
    );
    expect(auditedRefusals).toBe(roleRefusals);
    console.log(
      `permission matrix: ${cells} action cells, ${unexpectedAllows} unexpected allows, ${unexpectedDenies} unexpected denies, ${writesOnDeny} refused calls that wrote`,
    );
    reportFigure(
      "Permission matrix (server actions)",
      `cells ${cells}, unexpected allows ${unexpectedAllows}, unexpected denies ${unexpectedDenies}, refused calls that wrote ${writesOnDeny}`,
      unexpected.length === 0 && errors.length === 0,
    );
    reportFigure(
      "3. direct calls (no session, removed member)",
      `calls ${directCalls}, rows changed ${directWrites} (after sign-out: e2e/accounts.spec.ts replays a signed-out cookie)`,
      directWrites === 0,
    );
    expect(directWrites).toBe(0);
    expect(errors, "cells that failed for a reason other than authorization (fix the fixture)").toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("answers route handlers exactly as the matrix says: 401 signed out, 404 non-members, 403 other roles", async () => {
    let cells = 0;
    const unexpected: string[] = [];
    const stranger = await createWorld(strangers);
    for (const [route, rule] of Object.entries(ROUTE_MATRIX)) {
      const file = appFiles.find((f) => /route\.ts$/.test(f) && routeOf(f) === route)!;
      const handlers = (await import(/* @vite-ignore */ path.join(root, file))) as Record<
        string,
        (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
      >;
      for (const actor of ACTORS) {
        for (const resource of ["own", "other"] as const) {
          const w = resource === "own" ? await createWorld(people) : stranger;
          const owners = resource === "own" ? people : strangers;
          const user = actor === "anonymous" ? null : people[actor];
          const role = MEMBER_ROLES[actor];
          const unique = `r-${Date.now().toString(36)}-${++counter}`;
          const { params, request } = await rule.request({
            w,
            p: owners,
            email: `${unique}@it.test`,
            unique,
            importer: resource === "own" && user && role && role !== "VIEWER" ? user : owners.editor,
            manager:
              resource === "own" && user && (role === "OWNER" || role === "ADMIN") ? user : owners.owner,
            as: makeAs(actAs, currentUser),
          });
          const isMember = resource === "own" && role !== undefined;
          const expected =
            actor === "anonymous" ? 401 : !isMember ? 404 : rule.roles.includes(role) ? rule.allowed : 403;
          actAs(user);
          const before = await fingerprint();
          const response = await handlers[rule.method]!(request, { params: Promise.resolve(params) });
          // An allowed event stream never ends: check it is one, then hang up (which closes it server-side).
          const isStream = response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
          if (isStream) await response.body?.cancel();
          const body = isStream ? {} : ((await response.json()) as { error?: string });
          cells += 1;
          const label = `${rule.method} ${route} · ${actor} · ${resource}`;
          if (response.status !== expected) {
            unexpected.push(`${label}: expected ${expected}, got ${response.status} ${body.error ?? ""}`);
          }
          if (response.status >= 400) {
            if (typeof body.error !== "string" || /\bat \w+ \(|prisma|sql/i.test(body.error))
              unexpected.push(`${label}: error body ${JSON.stringify(body)}`);
            if ((await fingerprint()) !== before)
              unexpected.push(`${label}: refused but wrote to the database`);
          }
        }
      }
    }
    actAs(null);
    console.log(`route matrix: ${cells} cells, ${unexpected.length} unexpected`);
    reportFigure(
      "Permission matrix (route handlers)",
      `cells ${cells}, unexpected ${unexpected.length}`,
      unexpected.length === 0,
    );
    expect(unexpected).toEqual([]);
  });

  it("opens workspace pages to exactly the roles in the matrix: 404 for non-members, 403 for other members", async () => {
    let cells = 0;
    const unexpected: string[] = [];
    const w = await createWorld(people);
    const stranger = await createWorld(strangers);
    const pages = appFiles.filter((f) => f.endsWith("page.tsx"));
    for (const [route, entry] of Object.entries(PAGE_MATRIX)) {
      const file = pages.find((f) => routeOf(f) === route)!;
      const Page = (
        (await import(/* @vite-ignore */ path.join(root, file))) as {
          default: (props: unknown) => Promise<unknown>;
        }
      ).default;
      for (const actor of ACTORS) {
        for (const resource of ["own", "other"] as const) {
          actAs(actor === "anonymous" ? null : people[actor]);
          const params = entry.params(resource === "own" ? w : stranger);
          let outcome = "allow";
          try {
            await Page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
          } catch (error) {
            const digest = String((error as { digest?: string }).digest ?? "");
            outcome = digest.includes("/sign-in")
              ? "sign-in"
              : digest.endsWith(";404")
                ? "404"
                : digest.endsWith(";403")
                  ? "403"
                  : `error ${String(error)}`;
          }
          const role = MEMBER_ROLES[actor];
          const isMember = resource === "own" && role !== undefined;
          const expected =
            actor === "anonymous"
              ? "sign-in"
              : !isMember
                ? "404"
                : entry.roles.includes(role)
                  ? "allow"
                  : "403";
          cells += 1;
          if (outcome !== expected)
            unexpected.push(`${route} · ${actor} · ${resource}: expected ${expected}, got ${outcome}`);
        }
      }
    }
    actAs(null);
    console.log(`page matrix: ${cells} cells, ${unexpected.length} unexpected`);
    reportFigure(
      "Permission matrix (pages)",
      `cells ${cells}, unexpected ${unexpected.length}`,
      unexpected.length === 0,
    );
    expect(unexpected).toEqual([]);
  });
});
