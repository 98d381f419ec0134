/**
 * The catalogue namespaces client components may use. Only these are sent to the browser (in the page's
 * RSC payload), so a page does not carry every string of the app. Server components use any namespace.
 * tests/unit/i18n-catalogues.test.ts fails when a "use client" file uses a namespace missing here.
 * Keep client namespaces to what client components render; put server-rendered text in other namespaces.
 */

/** Sent with every page (the root layout): the shell, forms, statuses and what most pages show. */
export const SHARED_CLIENT_NAMESPACES = [
  "common",
  "language",
  "status",
  "errors",
  "validation",
  "liveClient",
  "notificationsClient",
  "shellClient",
  "trackerClient",
] as const;

/**
 * Sent only by the route segments whose pages use them (components/i18n/client-messages.tsx, in those
 * segments' layouts): the document wizard alone is 5 KB, so the tracker list should not carry it.
 */
export const ROUTE_CLIENT_NAMESPACES = [
  "roles",
  "membersClient",
  "workspaceSettingsClient",
  "auditClient",
  "dashboardClient",
  "snapshotsClient",
  "publishingClient",
  "reportClient",
  "newTrackerClient",
  "trackerLanguage",
  "documentsClient",
  "importClient",
  "commentsClient",
  "evidenceClient",
  "actionsClient",
  "sectionsClient",
  "homeClient",
  "accountsClient",
  "recommendationClient",
] as const;

export type RouteClientNamespace = (typeof ROUTE_CLIENT_NAMESPACES)[number];

export const CLIENT_NAMESPACES = [...SHARED_CLIENT_NAMESPACES, ...ROUTE_CLIENT_NAMESPACES] as const;
