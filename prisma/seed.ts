/**
 * Development seed: demo users and a demo workspace whose tracker is built from
 * Sarah H. Cleveland, "A Human Rights Agenda for the Biden Administration" (AJIL Unbound 2021, CC BY 4.0).
 * Runs only when the database has no users, and never when NODE_ENV=production.
 *
 *   npm run db:seed
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { hash } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../lib/generated/prisma/client";
import { normalizeHttpUrl, urlIdentity } from "../lib/url";
import { agendaDocument, agendaSections, type SeedPerson } from "./seed/agenda-data";
import { seedStatusHistory } from "./seed/status-history";
import { validatePayload, type EventPayload, type EventType } from "../lib/events/catalog";

/** A demo event, its payload checked against the event catalogue like every event the app writes. */
function eventRow<T extends EventType>(
  row: Omit<Prisma.ActivityEventUncheckedCreateInput, "type" | "data"> & { type: T; data: EventPayload<T> },
): Prisma.ActivityEventUncheckedCreateInput {
  return { ...row, data: validatePayload(row.type, row.data) };
}

const here = path.dirname(fileURLToPath(import.meta.url));

export const DEMO_PASSWORD = "advocacy-demo-2021";
export const DEMO_USERS: Record<
  SeedPerson,
  { name: string; email: string; role: "OWNER" | "EDITOR" | "VIEWER" }
> = {
  owner: { name: "Amina Okafor", email: "owner@demo.advocacy.test", role: "OWNER" },
  editor: { name: "Daniel Reyes", email: "editor@demo.advocacy.test", role: "EDITOR" },
  viewer: { name: "Grace Liu", email: "viewer@demo.advocacy.test", role: "VIEWER" },
};
export const DEMO_WORKSPACE = { name: "Human Rights Leadership Coalition", slug: "demo" };

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function seedDemo(prisma: PrismaClient): Promise<{ recommendations: number }> {
  const content = fs.readFileSync(path.join(here, "seed/documents", agendaDocument.fileName), "utf8");
  const passwordHash = await hash(DEMO_PASSWORD, {
    algorithm: 2,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  let recommendationCount = 0;

  await prisma.$transaction(
    async (tx) => {
      const users = {} as Record<SeedPerson, string>;
      for (const [key, person] of Object.entries(DEMO_USERS) as [
        SeedPerson,
        (typeof DEMO_USERS)[SeedPerson],
      ][]) {
        const user = await tx.user.create({ data: { name: person.name, email: person.email, passwordHash } });
        users[key] = user.id;
      }
      const workspace = await tx.workspace.create({
        data: {
          ...DEMO_WORKSPACE,
          memberships: {
            create: (Object.keys(DEMO_USERS) as SeedPerson[]).map((key) => ({
              userId: users[key],
              role: DEMO_USERS[key].role,
            })),
          },
        },
      });
      const base = { workspaceId: workspace.id };
      const start = day("2021-01-20");
      await tx.activityEvent.create({
        data: eventRow({
          ...base,
          type: "workspace.created",
          actorId: users.owner,
          createdAt: start,
          data: { name: workspace.name, slug: workspace.slug },
        }),
      });
      const document = await tx.document.create({
        data: {
          ...base,
          title: agendaDocument.title,
          author: agendaDocument.author,
          citation: agendaDocument.citation,
          fileName: agendaDocument.fileName,
          content,
        },
      });
      const tracker = await tx.tracker.create({
        data: {
          ...base,
          documentId: document.id,
          name: "Human Rights Agenda 2021",
          // The essay is in English: its text is shown with lang="en" whatever the reader's language.
          language: "en",
          description:
            "Restoring US human-rights leadership in five stages: reverse, reaffirm, rebuild, reengage, reconceptualize.",
          createdAt: start,
        },
      });
      await tx.activityEvent.create({
        data: eventRow({
          ...base,
          trackerId: tracker.id,
          type: "tracker.created",
          actorId: users.owner,
          createdAt: start,
          data: { name: tracker.name, sections: agendaSections.length },
        }),
      });

      const tagIds = new Map<string, string>();
      let minute = 0;
      const nextTime = (from: Date) => new Date(from.getTime() + ++minute * 60_000);

      for (const [sectionIndex, seedSection] of agendaSections.entries()) {
        const section = await tx.section.create({
          data: {
            ...base,
            trackerId: tracker.id,
            title: seedSection.title,
            description: seedSection.description,
            position: sectionIndex,
            createdAt: start,
          },
        });
        for (const [position, item] of seedSection.recommendations.entries()) {
          const sourceStart = content.indexOf(item.sourcePassage);
          const rec = await tx.recommendation.create({
            data: {
              ...base,
              trackerId: tracker.id,
              sectionId: section.id,
              title: item.title,
              text: item.text,
              sourcePassage: item.sourcePassage,
              sourceStart: sourceStart >= 0 ? sourceStart : null,
              sourceEnd: sourceStart >= 0 ? sourceStart + item.sourcePassage.length : null,
              status: item.status,
              targetActor: item.targetActor,
              requiresLegislation: item.needsLegislation,
              priority: item.priority,
              dueDate: item.dueDate ? day(item.dueDate) : null,
              position,
              createdAt: start,
            },
          });
          recommendationCount += 1;
          const recBase = { ...base, trackerId: tracker.id, recommendationId: rec.id };
          await tx.activityEvent.create({
            data: eventRow({
              ...recBase,
              type: "recommendation.created",
              actorId: users.owner,
              createdAt: nextTime(start),
              data: { title: item.title },
            }),
          });
          for (const name of item.tags) {
            let tagId = tagIds.get(name);
            if (!tagId) {
              tagId = (await tx.tag.create({ data: { ...base, name } })).id;
              tagIds.set(name, tagId);
            }
            await tx.recommendationTag.create({ data: { recommendationId: rec.id, tagId } });
          }
          const assignedAt = day("2021-02-01");
          for (const owner of item.owners) {
            await tx.recommendationOwner.create({
              data: {
                recommendationId: rec.id,
                userId: users[owner],
                assignedById: users.owner,
                createdAt: assignedAt,
              },
            });
            await tx.activityEvent.create({
              data: eventRow({
                ...recBase,
                type: "recommendation.owner_added",
                actorId: users.owner,
                createdAt: nextTime(assignedAt),
                data: { userId: users[owner], name: DEMO_USERS[owner].name },
              }),
            });
          }
          const cited: { id: string; title: string; url: string }[] = [];
          for (const evidence of item.evidence) {
            const published = day(evidence.publishedAt);
            const added = await tx.evidence.create({
              data: {
                ...base,
                recommendationId: rec.id,
                url: normalizeHttpUrl(evidence.url) ?? evidence.url,
                normalizedUrl: urlIdentity(normalizeHttpUrl(evidence.url) ?? evidence.url),
                title: evidence.title,
                sourceType: evidence.sourceType,
                publishedAt: published,
                stance: evidence.stance,
                quote: evidence.quote ?? null,
                addedById: item.owners.includes("editor") ? users.editor : users.owner,
                createdAt: nextTime(published),
              },
            });
            cited.push({ id: added.id, title: added.title, url: added.url });
            await tx.activityEvent.create({
              data: eventRow({
                ...recBase,
                type: "evidence.added",
                actorId: added.addedById,
                createdAt: added.createdAt,
                data: { evidenceId: added.id, title: added.title, url: added.url },
              }),
            });
          }
          // A status history spanning 2021 and later (prisma/seed/status-history.ts), ending at the seeded status.
          const latest = item.evidence
            .map((e) => e.publishedAt)
            .sort()
            .pop();
          const history = seedStatusHistory(recommendationCount, item.status, {
            startsAt: start,
            finalAt: latest ? nextTime(day(latest)) : null,
            finalJustification: item.statusJustification ?? null,
          });
          for (const [changeIndex, change] of history.entries()) {
            const isLast = changeIndex === history.length - 1;
            await tx.activityEvent.create({
              data: eventRow({
                ...recBase,
                type: "recommendation.status_changed",
                actorId: item.owners.includes("editor") ? users.editor : users.owner,
                createdAt: change.at,
                data: {
                  from: change.from,
                  to: change.to,
                  justification: change.justification,
                  ...(isLast ? { evidence: cited } : {}),
                },
              }),
            });
          }
          for (const [commentIndex, comment] of item.comments.entries()) {
            const at = nextTime(day(`2021-0${4 + (commentIndex % 5)}-15`));
            const created = await tx.comment.create({
              data: {
                ...base,
                recommendationId: rec.id,
                authorId: users[comment.author],
                body: comment.body,
                createdAt: at,
              },
            });
            await tx.activityEvent.create({
              data: eventRow({
                ...recBase,
                type: "comment.added",
                actorId: users[comment.author],
                createdAt: at,
                data: { commentId: created.id, mentions: [] },
              }),
            });
          }
          for (const [actionIndex, action] of item.actions.entries()) {
            await tx.actionItem.create({
              data: {
                ...base,
                recommendationId: rec.id,
                title: action.title,
                ownerId: action.owner ? users[action.owner] : null,
                dueDate: action.dueDate ? day(action.dueDate) : null,
                doneAt: action.done ? day("2021-06-01") : null,
                position: actionIndex,
              },
            });
          }
        }
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { recommendations: recommendationCount };
}

/** Seeds when the database has no users yet; refuses in production. */
export async function seedIfEmpty(databaseUrl: string, log = console.log): Promise<boolean> {
  if (process.env.NODE_ENV === "production") {
    log("[seed] NODE_ENV=production: demo data is never created in production.");
    return false;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if ((await prisma.user.count()) > 0) return false;
    const { recommendations } = await seedDemo(prisma);
    log(`[seed] Demo workspace "${DEMO_WORKSPACE.name}" created with ${recommendations} recommendations.`);
    log(
      `[seed] Sign in as ${DEMO_USERS.owner.email}, ${DEMO_USERS.editor.email} or ${DEMO_USERS.viewer.email} with password ${DEMO_PASSWORD}`,
    );
    return true;
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. Run `npm run dev` (embedded Postgres) or set DATABASE_URL.");
    process.exit(1);
  }
  seedIfEmpty(url).then(
    (isSeeded) => {
      if (!isSeeded)
        console.log("[seed] The database already has users (or NODE_ENV=production): nothing to do.");
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
