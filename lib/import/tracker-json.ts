/**
 * The JSON export of a tracker, and how the JSON import reads it back. Importing an export into a new tracker
 * recreates its sections, recommendations, statuses (with their history), attributes and evidence.
 */
import { z } from "zod";
import { STATUSES } from "@/lib/status";

export const TRACKER_EXPORT_FORMAT = "advocacy-tracker/v1";

const EVIDENCE_SOURCE_TYPES = [
  "OFFICIAL_STATEMENT",
  "EXECUTIVE_ACTION",
  "LEGISLATION",
  "COURT_RULING",
  "UN_DOCUMENT",
  "NEWS",
  "NGO_REPORT",
  "OTHER",
] as const;
const EVIDENCE_STANCES = ["PROGRESS", "SETBACK", "CONTEXT"] as const;
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, "Use a YYYY-MM-DD date.");

export const ExportedEvidenceSchema = z.object({
  url: z.string().max(2000),
  title: z.string().max(300),
  sourceType: z.enum(EVIDENCE_SOURCE_TYPES).catch("OTHER"),
  publishedAt: IsoDate.nullable().optional(),
  stance: z.enum(EVIDENCE_STANCES).catch("CONTEXT"),
  quote: z.string().max(5000).nullable().optional(),
  addedBy: z.string().nullable().optional(),
});

export const StatusChangeSchema = z.object({
  at: z.string(),
  by: z.string().nullable().optional(),
  from: z.enum(STATUSES).nullable().optional(),
  to: z.enum(STATUSES),
  justification: z.string().nullable().optional(),
});

export const ExportedRecommendationSchema = z.object({
  referenceId: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  text: z.string().nullable().optional(),
  section: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  tags: z.array(z.string()).optional().default([]),
  owners: z.array(z.string()).optional().default([]),
  dueDate: z.string().nullable().optional(),
  targetActor: z.string().nullable().optional(),
  priority: z.enum(["LOW", "MEDIUM", "HIGH"]).nullable().optional().catch(null),
  requiresLegislation: z.boolean().nullable().optional().catch(null),
  sourcePassage: z.string().nullable().optional(),
  sourceStart: z.number().int().nullable().optional(),
  sourceEnd: z.number().int().nullable().optional(),
  attributes: z.record(z.string(), z.unknown()).optional().default({}),
  statusHistory: z.array(StatusChangeSchema).optional().default([]),
  evidence: z.array(ExportedEvidenceSchema).optional().default([]),
});

export const TrackerExportSchema = z.object({
  format: z.literal(TRACKER_EXPORT_FORMAT),
  exportedAt: z.string().optional(),
  tracker: z
    .object({
      name: z.string(),
      description: z.string().nullable().optional(),
      document: z
        .object({ title: z.string(), citation: z.string().nullable().optional() })
        .nullable()
        .optional(),
    })
    .optional(),
  sections: z
    .array(z.object({ title: z.string(), description: z.string().nullable().optional() }))
    .default([]),
  recommendations: z.array(ExportedRecommendationSchema),
});

export type TrackerExport = z.input<typeof TrackerExportSchema>;
export type ExportedRecommendation = z.input<typeof ExportedRecommendationSchema>;
export type StatusChange = z.infer<typeof StatusChangeSchema>;
export type ExportedEvidence = z.infer<typeof ExportedEvidenceSchema>;

/** Column names shared by the CSV export and the import mapping, so an exported CSV maps itself. */
export const EXPORT_COLUMNS = {
  referenceId: "Reference id",
  title: "Title",
  text: "Text",
  section: "Section",
  status: "Status",
  tags: "Tags",
  ownerEmail: "Owner emails",
  dueDate: "Due date",
  targetActor: "Target actor",
  priority: "Priority",
  requiresLegislation: "Requires legislation",
  sourcePassage: "Source passage",
  sourceStart: "Source start",
  sourceEnd: "Source end",
  latestJustification: "Latest justification",
  statusHistory: "Status history",
  evidence: "Evidence",
  createdAt: "Created",
  updatedAt: "Updated",
} as const;

/** Export-only columns: a re-imported CSV ignores them instead of keeping them as attributes. */
/** In place of "Owner emails" in exports by people who may not see the member list. */
export const OWNER_NAMES_COLUMN = "Owner names";

export const DERIVED_EXPORT_COLUMNS: string[] = [
  OWNER_NAMES_COLUMN,
  EXPORT_COLUMNS.priority,
  EXPORT_COLUMNS.requiresLegislation,
  EXPORT_COLUMNS.sourcePassage,
  EXPORT_COLUMNS.sourceStart,
  EXPORT_COLUMNS.sourceEnd,
  EXPORT_COLUMNS.latestJustification,
  EXPORT_COLUMNS.statusHistory,
  EXPORT_COLUMNS.evidence,
  EXPORT_COLUMNS.createdAt,
  EXPORT_COLUMNS.updatedAt,
];
