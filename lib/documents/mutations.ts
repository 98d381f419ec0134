import "server-only";
import { randomUUID } from "node:crypto";
import { DalError } from "@/lib/server/errors";
import { DocumentParseError, type DocumentFormat } from "@/lib/documents/parse";
import type { DocumentStructure } from "@/lib/documents/docx";
import { proposalBody, type ProposalBody } from "@/lib/documents/proposal";
import { BoundedTaskError, runBounded } from "@/lib/server/sandbox";
import type { DocumentTrackerInput } from "@/lib/documents/schemas";
import { validateEvents } from "@/lib/server/events";
import { mutate } from "@/lib/server/mutate";
import { requireMembership, type MembershipContext } from "@/lib/server/authz";
import { squashWhitespace } from "@/lib/documents/passages";
import { storeUpload } from "@/lib/uploads/mutations";
import { findOwnUploadInfo } from "@/lib/uploads/queries";
import { routes } from "@/lib/routes";

export type DocumentProposal = ProposalBody & {
  /** The stored upload holding the document and its text; creating the tracker refers to it. */
  uploadId: string;
  text: string;
  /** what the format said (DOCX headings and tables): the browser re-reads the text with it on an override */
  structure: DocumentStructure | null;
  format: DocumentFormat;
  fileName: string | null;
  mimeType: string;
  suggestedTitle: string;
};

const MIME: Record<DocumentFormat, string> = {
  txt: "text/plain",
  md: "text/markdown",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * Parses an uploaded or pasted document, stores it with its text (an Upload, kind DOCUMENT) and proposes
 * sections and recommendations. No tracker exists yet: the review happens in the browser, then
 * createTrackerFromDocument refers to the upload by id.
 */
export async function analyzeDocument(
  ctx: MembershipContext,
  input: { file: { name: string; type: string; bytes: Uint8Array } | null; text: string | null },
): Promise<DocumentProposal> {
  // A DocumentParseError (unsupported, empty, unreadable, too large) reaches the route handler, which answers it.
  const { parsed, extraction } = await parseInSandbox(input);
  const firstLine =
    parsed.text
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "";
  const fromFile = input.file?.name
    .replace(/\.[a-z0-9]{1,8}$/i, "")
    .replace(/[_-]+/g, " ")
    .trim();
  const fileName = input.file?.name.slice(0, 255) ?? null;
  const upload = await storeUpload(ctx, {
    kind: "DOCUMENT",
    trackerId: null,
    fileName,
    mimeType: MIME[parsed.format],
    bytes: input.file?.bytes ?? new TextEncoder().encode(input.text ?? ""),
    text: parsed.text,
  });
  const body = proposalBody(extraction);
  const suggestedTitle =
    body.documentTitle || fromFile || (firstLine.length <= 120 ? firstLine : firstLine.slice(0, 117) + "…");
  return {
    ...body,
    uploadId: upload.id,
    text: parsed.text,
    structure: parsed.structure ?? null,
    format: parsed.format,
    fileName,
    mimeType: MIME[parsed.format],
    suggestedTitle: suggestedTitle.slice(0, 120),
  };
}

/** Parsing and extraction run in the parse sandbox (a worker thread with memory and time limits). */
async function parseInSandbox(input: {
  file: { name: string; type: string; bytes: Uint8Array } | null;
  text: string | null;
}) {
  try {
    return await runBounded(
      "document",
      input.file
        ? { file: { fileName: input.file.name, mimeType: input.file.type, bytes: input.file.bytes } }
        : { text: input.text ?? "" },
    );
  } catch (error) {
    if (!(error instanceof BoundedTaskError) || error.reason === "BUSY") throw error;
    const remote = error.remote;
    if (remote?.name === "DocumentParseError") {
      throw new DocumentParseError(remote.code as DocumentParseError["code"], remote.message);
    }
    if (remote) {
      console.error("document parse failed", remote);
      throw new DocumentParseError("UNREADABLE", "documents.errors.unreadable");
    }
    throw new DocumentParseError("TOO_LARGE", error.message);
  }
}

const newId = () => `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;

/**
 * Document, tracker, sections, recommendations and their events, in one transaction; the document comes
 * from the caller's own upload (its stored text), which is deleted in the same transaction.
 */
export async function createTrackerFromDocument(
  workspaceSlug: string,
  input: DocumentTrackerInput,
  language: string | null = null,
) {
  const ctx = await requireMembership(workspaceSlug, "tracker.manage");
  const upload = await findOwnUploadInfo(ctx, { uploadId: input.uploadId, kind: "DOCUMENT" });
  const content = upload.text ?? "";
  const recommendations = input.recommendations.map((rec) => {
    if (rec.sourceEnd > content.length) {
      throw new DalError("INVALID", "documents.errors.passageOutside").withValues({ title: rec.title });
    }
    const sourcePassage = content.slice(rec.sourceStart, rec.sourceEnd);
    if (sourcePassage.length > 20_000) {
      throw new DalError("INVALID", "documents.errors.passageTooLong").withValues({ title: rec.title });
    }
    const text = rec.text ?? squashWhitespace(sourcePassage);
    if (!text)
      throw new DalError("INVALID", "documents.errors.passageEmpty").withValues({ title: rec.title });
    return { ...rec, text, sourcePassage };
  });
  const workspaceId = ctx.workspace.id;
  return mutate(
    workspaceSlug,
    "tracker.manage",
    async ({ tx, emit }) => {
      const document = await tx.document.create({
        data: {
          workspaceId,
          title: input.documentTitle,
          fileName: upload.fileName,
          mimeType: upload.mimeType,
          content,
        },
        select: { id: true },
      });
      const tracker = await tx.tracker.create({
        data: { workspaceId, name: input.name, documentId: document.id, language },
        select: { id: true },
      });
      const sectionIds = input.sections.map(() => newId());
      await tx.section.createMany({
        data: input.sections.map((section, position) => ({
          id: sectionIds[position],
          workspaceId,
          trackerId: tracker.id,
          title: section.title,
          position,
        })),
      });
      const positions = new Map<number, number>();
      const recs = recommendations
        .map((rec) => ({ ...rec, id: newId() }))
        .sort((a, b) => a.sourceStart - b.sourceStart);
      await tx.recommendation.createMany({
        data: recs.map((rec) => {
          const position = positions.get(rec.sectionIndex) ?? 0;
          positions.set(rec.sectionIndex, position + 1);
          return {
            id: rec.id,
            workspaceId,
            trackerId: tracker.id,
            sectionId: sectionIds[rec.sectionIndex]!,
            title: rec.title,
            text: rec.text,
            sourcePassage: rec.sourcePassage,
            sourceStart: rec.sourceStart,
            sourceEnd: rec.sourceEnd,
            position,
            referenceId: rec.referenceId || null,
            attributes: rec.attributes ?? {},
          };
        }),
      });
      // themes become the workspace's tags (found or created by name), linked to their recommendations
      const tagNames = [...new Set(recs.flatMap((rec) => rec.tags ?? []))];
      if (tagNames.length > 0) {
        await tx.tag.createMany({
          data: tagNames.map((name) => ({ workspaceId, name })),
          skipDuplicates: true,
        });
        const tags = await tx.tag.findMany({
          where: { workspaceId, name: { in: tagNames } },
          select: { id: true, name: true },
        });
        const tagId = new Map(tags.map((tag) => [tag.name, tag.id]));
        await tx.recommendationTag.createMany({
          data: recs.flatMap((rec) =>
            [...new Set(rec.tags ?? [])].map((name) => ({
              recommendationId: rec.id,
              tagId: tagId.get(name)!,
            })),
          ),
          skipDuplicates: true,
        });
      }
      await emit({
        type: "tracker.created",
        trackerId: tracker.id,
        data: {
          name: input.name,
          documentTitle: input.documentTitle,
          sections: input.sections.length,
          recommendations: recs.length,
        },
      });
      await tx.activityEvent.createMany({
        data: validateEvents(
          recs.map((rec) => ({
            type: "recommendation.created" as const,
            actorId: ctx.user.id,
            workspaceId,
            trackerId: tracker.id,
            recommendationId: rec.id,
            data: { title: rec.title },
          })),
        ),
      });
      await tx.upload.delete({ where: { id: upload.id } });
      return { path: routes.tracker(ctx.workspace.slug, tracker.id) };
    },
    { timeout: 60_000 },
  );
}
