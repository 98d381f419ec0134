import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formats } from "@/i18n/formats";
import { LOCALES, type AppLocale } from "@/i18n/locales";
import { EVENT_TYPES, parseEvent, type EventType } from "@/lib/events/catalog";
import { describeActivity, type ActivityTranslator } from "@/lib/events/describe";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";

const catalogues = { en, fr, es };

/** A translator like the app's, that fails the test on a missing key or a bad value instead of logging. */
const translator = (locale: AppLocale) =>
  createTranslator({
    locale,
    messages: catalogues[locale] as typeof en,
    formats,
    timeZone: "UTC",
    onError: (error) => {
      throw error;
    },
  }) as ActivityTranslator;
const t = translator("en");

/** A valid payload for every event type, so each sentence is checked against real data. */
const samples: { [T in EventType]: unknown } = {
  "account.created": {},
  "account.password_reset_requested": {},
  "account.password_reset": {},
  "account.password_changed": {},
  "account.signed_in": { method: "password" },
  "account.sign_in_failed": { reason: "invalid_credentials" },
  "account.signed_out": {},
  "account.signed_out_everywhere": {},
  "account.notification_settings_changed": { timeZone: "Europe/Berlin", changedKinds: ["COMMENT"] },
  "account.unsubscribed": { kind: "MENTION", via: "one-click" },
  "account.language_changed": { locale: "fr" },
  "access.refused": { workspaceSlug: "coalition", permission: "member.manage", reason: "not_allowed" },
  "workspace.created": { name: "Coalition", slug: "coalition" },
  "workspace.renamed": { from: "A", to: "Coalition" },
  "workspace.deleted": { workspaceId: "w1", name: "Coalition", slug: "coalition" },
  "workspace.ownership_transferred": { toUserId: "u1", toName: "Ada" },
  "workspace.language_changed": { from: "en", to: "fr" },
  "member.joined": { name: "Ada", email: "ada@example.org", role: "EDITOR", via: "invitation" },
  "member.role_changed": { userId: "u1", name: "Ada", from: "EDITOR", to: "ADMIN" },
  "member.removed": {
    userId: "u1",
    name: "Ada",
    email: "ada@example.org",
    role: "EDITOR",
    unassignedRecommendations: 2,
    unassignedActions: 1,
  },
  "member.left": {
    userId: "u1",
    name: "Ada",
    email: "ada@example.org",
    role: "EDITOR",
    unassignedRecommendations: 0,
    unassignedActions: 0,
  },
  "invitation.created": { email: "ada@example.org", role: "VIEWER" },
  "invitation.revoked": { invitationId: "i1" },
  "tracker.created": { name: "Agenda", sections: 5 },
  "tracker.updated": { name: "Agenda" },
  "tracker.language_changed": { name: "Agenda", from: null, to: "fr" },
  "tracker.archived": { name: "Agenda" },
  "tracker.restored": { name: "Agenda" },
  "tracker.exported": { format: "csv", recommendations: 56 },
  "tracker.imported": {
    fileName: "upr.csv",
    total: 3,
    created: 2,
    updated: 1,
    rejected: 0,
    sectionsCreated: 1,
  },
  "snapshot.created": { snapshotId: "s1", name: "100 days", asOf: "2021-04-30", recommendations: 56 },
  "tracker.published": { mode: "snapshot", snapshotId: "s1", snapshotName: "100 days" },
  "tracker.unpublished": { mode: "live" },
  "section.created": { sectionId: "s1", title: "Rebuild" },
  "section.updated": { sectionId: "s1", from: "Old", to: "Rebuild" },
  "section.moved": { sectionId: "s1", title: "Rebuild", direction: "up" },
  "section.archived": { sectionId: "s1", title: "Rebuild" },
  "section.restored": { sectionId: "s1", title: "Rebuild" },
  "recommendation.created": { title: "Rejoin the Council" },
  "recommendation.updated": { field: "priority", from: "Low", to: "High" },
  "recommendation.status_changed": { from: "NOT_STARTED", to: "ACHIEVED", justification: "Done." },
  "recommendation.owner_added": { userId: "u1", name: "Ada" },
  "recommendation.owner_removed": { userId: "u1", name: "Ada" },
  "recommendation.moved": { direction: "down" },
  "recommendation.archived": { title: "Rejoin" },
  "recommendation.restored": { title: "Rejoin" },
  "recommendation.deleted": { recommendationId: "r1", title: "Rejoin" },
  "evidence.added": { evidenceId: "e1", title: "EO 14000", url: "https://example.org" },
  "evidence.updated": { evidenceId: "e1", title: "EO 14000", url: "https://example.org" },
  "evidence.deleted": { evidenceId: "e1", title: "EO 14000" },
  "comment.added": { commentId: "c1", mentions: [{ userId: "u1", name: "Ada" }] },
  "comment.edited": { commentId: "c1", mentions: [] },
  "comment.deleted": { commentId: "c1", byAuthor: true },
  "action.created": { actionId: "a1", title: "Write to the senator" },
  "action.updated": { actionId: "a1", title: "Write to the senator" },
  "action.completed": { actionId: "a1", title: "Write to the senator" },
  "action.reopened": { actionId: "a1", title: "Write to the senator" },
  "action.deleted": { actionId: "a1", title: "Write to the senator" },
};

describe("the event catalogue", () => {
  it("parses a valid payload of every type and describes it in a sentence, in every language", () => {
    for (const locale of LOCALES) {
      const tl = translator(locale);
      for (const type of EVENT_TYPES) {
        const event = parseEvent({ type, data: samples[type] });
        expect(event.type, type).toBe(type);
        const sentence = describeActivity(event, tl);
        expect(sentence, `${locale} ${type}`).not.toBe(type.replace(/[._]/g, " "));
        expect(sentence, `${locale} ${type}`).not.toMatch(/activity\.|[{}]/);
      }
    }
  });

  it("writes each event in the reader's language, with plurals, dates and quotes of that language", () => {
    const snapshot = parseEvent({ type: "snapshot.created", data: samples["snapshot.created"] });
    expect(describeActivity(snapshot, t)).toBe(
      "took the snapshot “100 days” as of Apr 30, 2021 (56 recommendations)",
    );
    expect(describeActivity(snapshot, translator("fr"))).toBe(
      "a pris l’instantané « 100 days » au 30 avr. 2021 (56 recommandations)",
    );
    const exported = parseEvent({ type: "tracker.exported", data: { format: "csv", recommendations: 1 } });
    expect(describeActivity(exported, translator("es"))).toBe("exportó 1 recomendación en formato CSV");
    const joined = parseEvent({ type: "member.joined", data: samples["member.joined"] });
    expect(describeActivity(joined, t)).toBe("joined as editor");
    expect(describeActivity(joined, translator("fr"))).toBe(
      "a rejoint l’espace de travail en tant qu’éditeur·rice",
    );
  });

  it("describes a status change with both statuses", () => {
    const event = parseEvent({
      type: "recommendation.status_changed",
      data: { from: "NOT_STARTED", to: "ACHIEVED", justification: "Signed." },
    });
    expect(describeActivity(event, t)).toBe("changed the status from Not started to Achieved");
    expect(describeActivity(event, translator("fr"))).toBe("a changé le statut de Non commencée à Réalisée");
    expect(describeActivity(event, translator("es"))).toBe("cambió el estado de Sin iniciar a Cumplida");
  });

  it("reads a payload that does not match its schema, or an unknown type, as unreadable instead of throwing", () => {
    expect(parseEvent({ type: "comment.added", data: { commentId: 42 } })).toEqual({
      type: "unreadable",
      storedType: "comment.added",
    });
    expect(parseEvent({ type: "something.else", data: {} }).type).toBe("unreadable");
    expect(describeActivity(parseEvent({ type: "something.else", data: {} }), t)).toBe("something else");
  });
});
