/**
 * The catalogue namespaces client components may use. Only these are sent to the browser (in the page's
 * RSC payload), so a page does not carry every string of the app. Server components use any namespace.
 * tests/unit/i18n-catalogues.test.ts fails when a "use client" file uses a namespace missing here.
 * Keep client namespaces to what client components render; put server-rendered text in other namespaces.
 */
export const CLIENT_NAMESPACES = [
  "common",
  "language",
  "status",
  "errors",
  "validation",
  "recommendationClient",
  "commentsClient",
  "evidenceClient",
  "actionsClient",
  "sectionsClient",
  "liveClient",
  "notificationsClient",
  "shellClient",
  "accountsClient",
  "homeClient",
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
  "trackerClient",
] as const;
