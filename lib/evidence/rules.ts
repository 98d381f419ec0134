import type { EvidenceSourceType, EvidenceStance } from "@/lib/generated/prisma/enums";

export const evidenceSourceLabels: Record<EvidenceSourceType, string> = {
  OFFICIAL_STATEMENT: "Official statement",
  EXECUTIVE_ACTION: "Executive action",
  LEGISLATION: "Legislation",
  COURT_RULING: "Court ruling",
  UN_DOCUMENT: "UN or regional document",
  NEWS: "News",
  NGO_REPORT: "NGO report",
  OTHER: "Other",
};

export const evidenceStanceLabels: Record<EvidenceStance, string> = {
  PROGRESS: "Shows progress",
  SETBACK: "Shows setback",
  CONTEXT: "Context",
};
