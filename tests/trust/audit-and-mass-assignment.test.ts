import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs, currentUser } from "../support/session";
import { discoverServerActions, type ActionFn } from "../support/server-actions";
import { reportFigure } from "../support/trust-report";
import { ACTION_MATRIX } from "./permission-matrix";
import { createPeople, createWorld, fingerprint, makeAs, type People } from "./world";
import { db } from "@/lib/server/db";
import { createToken } from "@/lib/server/auth/tokens";
import { initialActionState, type ActionResult } from "@/lib/action-result";

/** Account actions (sign-up, sign-in, …) act on the signed-in user, not a workspace; their own tests cover them. */
const ACCOUNT_ACTIONS_FILE = "lib/accounts/actions.ts";
/** Steps that read or stage but change nothing in the database, so they write no event. */
// (Uploads and import progress are route handlers now, covered by ROUTE_MATRIX: they write no content.)
const READ_ONLY = new Set(["previewImportAction"]);
/**
 * The reader's own bookmarks, like a page view: read/unread marks on their inbox entries and whether they
 * watch something. They change nothing anyone else sees, so they write no audit event (lib/notifications).
 */
const PERSONAL_STATE = new Set(["setNotificationReadAction", "markAllReadAction", "setWatchingAction"]);
const actions = new Map<string, ActionFn>();
let people: People;
let strangers: People;

const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

async function run(name: string, fields: Record<string, string | Blob>) {
  try {
    return (
      (await actions.get(name)!(initialActionState, form(fields))) ??
      ({ ok: true, data: null } as ActionResult)
    );
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT") && !digest.includes("/sign-in"))
      return { ok: true, data: null } as ActionResult;
    throw error;
  }
}

beforeAll(async () => {
  people = await createPeople();
  strangers = await createPeople();
  for (const action of (await discoverServerActions()).values())
    if (action.file !== ACCOUNT_ACTIONS_FILE) actions.set(action.name, action.fn);
});

/** Every workspace mutation, run by someone allowed to, with fields that make it succeed. */
type Fields = Record<string, string | Blob>;

async function eachMutation(
  visit: (
    name: string,
    fields: Fields,
    settle: (result: ActionResult) => Promise<void>,
    again: () => Promise<Fields>,
  ) => Promise<void>,
) {
  for (const [name, rule] of Object.entries(ACTION_MATRIX)) {
    if (
      !actions.has(name) ||
      READ_ONLY.has(name) ||
      PERSONAL_STATE.has(name) ||
      (rule.kind !== "roles" && rule.kind !== "signed-in")
    )
      continue;
    const w = await createWorld(people);
    const unique = `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    const actor =
      rule.kind === "roles" && rule.roles.length === 1 && rule.roles[0] === "EDITOR"
        ? people.editor
        : people.owner;
    const context = {
      w,
      p: people,
      email: `${unique}@it.test`,
      unique,
      actor,
      importer: actor,
      manager: actor,
      as: makeAs(actAs, currentUser),
    };
    actAs(actor);
    let fields = await rule.fields(context);
    if (name === "acceptInvitationAction") {
      const { token, tokenHash } = createToken();
      await db.invitation.create({
        data: {
          workspaceId: w.workspace.id,
          email: people.outsider.email,
          role: "VIEWER",
          tokenHash,
          invitedById: people.owner.id,
          expiresAt: new Date(Date.now() + 60_000),
        },
      });
      fields = { token };
      actAs(people.outsider);
    } else {
      actAs(actor);
    }
    const first = fields;
    await visit(
      name,
      fields,
      async (result) => {
        if (rule.kind === "roles" && rule.settle) await rule.settle(result, context);
      },
      // Fresh inputs for the second run (an upload is consumed by its import); an invitation token is reused.
      async () => (name === "acceptInvitationAction" ? first : rule.fields(context)),
    );
  }
  actAs(null);
}

describe("audit completeness", () => {
  it("every mutation writes its ActivityEvent, and in the same transaction: no event, no change", async () => {
    let mutations = 0;
    const withoutEvent: string[] = [];
    const notAtomic: string[] = [];
    await eachMutation(async (name, fields, settle, again) => {
      mutations += 1;
      // 1. Make every event insert fail: the change must roll back with it (the action logs the failure).
      const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
      await db.$executeRawUnsafe(
        `CREATE OR REPLACE FUNCTION refuse_event() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit insert refused by test'; END $$ LANGUAGE plpgsql`,
      );
      await db.$executeRawUnsafe(
        `CREATE TRIGGER refuse_event BEFORE INSERT ON "ActivityEvent" FOR EACH ROW EXECUTE FUNCTION refuse_event()`,
      );
      // Staged uploads and import-job rows are bookkeeping, not workspace content: a blocked import leaves
      // its job FAILED, and that is the point of comparing content only.
      const before = await fingerprint({ includeStaging: false });
      try {
        const blocked = await run(name, fields);
        // A background job (import) reports "started"; wait for it to end before looking.
        const isBackground = name === "startImportAction";
        await settle(blocked);
        if ((blocked.ok && !isBackground) || (await fingerprint({ includeStaging: false })) !== before)
          notAtomic.push(name);
      } finally {
        await db.$executeRawUnsafe(`DROP TRIGGER refuse_event ON "ActivityEvent"`);
        quiet.mockRestore();
      }
      // 2. With events allowed, the same mutation succeeds and writes at least one event.
      const events = await db.activityEvent.count();
      const result = await run(name, await again());
      await settle(result);
      if (!result.ok) withoutEvent.push(`${name}: failed (${result.formError})`);
      else if ((await db.activityEvent.count()) <= events) withoutEvent.push(`${name}: no event`);
    });
    console.log(
      `audit completeness: ${mutations} mutations, ${withoutEvent.length} without an audit event, ${notAtomic.length} not atomic with their event`,
    );
    reportFigure(
      "Audit completeness",
      `mutations ${mutations}, without an audit event ${withoutEvent.length}, changed without their event ${notAtomic.length}`,
      withoutEvent.length === 0 && notAtomic.length === 0,
    );
    expect(mutations).toBeGreaterThan(30);
    expect(withoutEvent).toEqual([]);
    expect(notAtomic).toEqual([]);
  });
});

describe("mass assignment", () => {
  it("ignores workspaceId, role, version, authorId and createdAt smuggled into inputs", async () => {
    const w = await createWorld(people);
    const other = await createWorld(strangers);
    const extra = {
      workspaceId: other.workspace.id,
      role: "OWNER",
      version: "999",
      authorId: strangers.owner.id,
      createdAt: "2000-01-01T00:00:00Z",
      addedById: strangers.owner.id,
      id: "chosen-id",
    };
    let checks = 0;
    const problems: string[] = [];

    actAs(people.editor);
    await run("addCommentAction", {
      ...extra,
      workspaceSlug: w.slug,
      recommendationId: w.rec.id,
      body: "Mass assignment probe",
    });
    const comment = await db.comment.findFirstOrThrow({ where: { body: "Mass assignment probe" } });
    checks += 1;
    if (
      comment.workspaceId !== w.workspace.id ||
      comment.authorId !== people.editor.id ||
      comment.createdAt.getFullYear() === 2000 ||
      comment.id === "chosen-id"
    )
      problems.push("comment");

    await run("createRecommendationAction", {
      ...extra,
      workspaceSlug: w.slug,
      trackerId: w.tracker.id,
      sectionId: w.section.id,
      title: "Probe recommendation",
      text: "x",
    });
    const rec = await db.recommendation.findFirstOrThrow({ where: { title: "Probe recommendation" } });
    checks += 1;
    if (rec.workspaceId !== w.workspace.id || rec.version !== 1 || rec.createdAt.getFullYear() === 2000)
      problems.push("recommendation");

    await run("addEvidenceAction", {
      ...extra,
      workspaceSlug: w.slug,
      recommendationId: w.rec.id,
      url: "https://example.org/probe",
      title: "Probe evidence",
      sourceType: "NEWS",
      stance: "CONTEXT",
    });
    const evidence = await db.evidence.findFirstOrThrow({ where: { title: "Probe evidence" } });
    checks += 1;
    if (
      evidence.addedById !== people.editor.id ||
      evidence.workspaceId !== w.workspace.id ||
      evidence.version !== 1
    )
      problems.push("evidence");

    actAs(people.outsider);
    const { token, tokenHash } = createToken();
    await db.invitation.create({
      data: {
        workspaceId: w.workspace.id,
        email: people.outsider.email,
        role: "VIEWER",
        tokenHash,
        invitedById: people.owner.id,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await run("acceptInvitationAction", { ...extra, token });
    const membership = await db.membership.findFirstOrThrow({
      where: { workspaceId: w.workspace.id, userId: people.outsider.id },
    });
    checks += 1;
    if (membership.role !== "VIEWER") problems.push("invitation role");

    await run("createWorkspaceAction", {
      ...extra,
      name: "Probe workspace",
      slug: `probe-${Date.now().toString(36)}`,
    });
    const created = await db.workspace.findFirstOrThrow({
      where: { name: "Probe workspace" },
      include: { memberships: true },
    });
    checks += 1;
    if (
      created.memberships.length !== 1 ||
      created.memberships[0]!.userId !== people.outsider.id ||
      created.version !== 1
    )
      problems.push("workspace");

    actAs(null);
    const before = await fingerprint();
    expect(before).toBeTruthy();
    console.log(`mass assignment: ${checks} actions probed, ${problems.length} accepted a smuggled field`);
    reportFigure(
      "Mass assignment",
      `actions probed ${checks}, smuggled fields accepted ${problems.length}`,
      problems.length === 0,
    );
    expect(problems).toEqual([]);
  });
});
