/**
 * Every URL the app links to or revalidates, built in one place. Ids and slugs are URL-safe by
 * construction (cuid, [a-z0-9-]); free text (tags, queries) is encoded by the caller's URLSearchParams.
 */
const withQuery = (path: string, query?: string | URLSearchParams) => {
  const search = query?.toString() ?? "";
  return search ? `${path}?${search}` : path;
};

export const routes = {
  home: () => "/",
  signIn: (callbackUrl?: string) =>
    callbackUrl ? withQuery("/sign-in", new URLSearchParams({ callbackUrl })) : "/sign-in",
  account: () => "/account",
  inbox: (query?: URLSearchParams) => withQuery("/inbox", query),
  /** The confirmation page of a one-click unsubscribe link (the link itself also takes a POST). */
  unsubscribe: (token: string) => withQuery("/unsubscribe", new URLSearchParams({ token })),
  newWorkspace: () => "/w/new",
  invitation: (token: string) => `/invite/${token}`,

  workspace: (slug: string) => `/w/${slug}`,
  /** The workspace's live updates (Server-Sent Events; lib/live/stream.ts). */
  liveStream: (slug: string, query?: URLSearchParams) => withQuery(`/api/w/${slug}/live`, query),
  /** The signed-in user's own live signals, outside workspaces. */
  userLiveStream: () => "/api/live",
  myWork: (slug: string) => `/w/${slug}/my-work`,
  members: (slug: string) => `/w/${slug}/members`,
  settings: (slug: string) => `/w/${slug}/settings`,
  audit: (slug: string, query?: URLSearchParams) => withQuery(`/w/${slug}/audit`, query),
  newTrackerFromDocument: (slug: string) => `/w/${slug}/new-tracker`,

  tracker: (slug: string, trackerId: string, query?: string | URLSearchParams) =>
    withQuery(`/w/${slug}/t/${trackerId}`, query),
  trackerPage: (
    slug: string,
    trackerId: string,
    page:
      "document" | "sections" | "report" | "import" | "export.csv" | "export.json" | "snapshots" | "publish",
  ) => `/w/${slug}/t/${trackerId}/${page}`,
  trackerDashboard: (slug: string, trackerId: string, query?: string | URLSearchParams) =>
    withQuery(`/w/${slug}/t/${trackerId}/dashboard`, query),
  /** The tracker as it stood at the end of a day ("YYYY-MM-DD"), read-only. */
  trackerAsOf: (slug: string, trackerId: string, day: string) =>
    withQuery(`/w/${slug}/t/${trackerId}`, new URLSearchParams({ asOf: day })),
  snapshot: (slug: string, trackerId: string, snapshotId: string) =>
    `/w/${slug}/t/${trackerId}/snapshots/${snapshotId}`,
  snapshotExport: (slug: string, trackerId: string, snapshotId: string, format: "csv" | "json") =>
    `/w/${slug}/t/${trackerId}/snapshots/${snapshotId}/export.${format}`,
  /** Compare a snapshot with another one or with now. */
  snapshotCompare: (slug: string, trackerId: string, from: string, to: string) =>
    withQuery(`/w/${slug}/t/${trackerId}/snapshots/compare`, new URLSearchParams({ from, to })),

  /** The public scorecard (no sign-in) and its parts. */
  publicScorecard: (workspaceSlug: string, trackerId: string) => `/p/${workspaceSlug}/${trackerId}`,
  publicRecommendation: (workspaceSlug: string, trackerId: string, recommendationId: string) =>
    `/p/${workspaceSlug}/${trackerId}/r/${recommendationId}`,
  publicBadge: (workspaceSlug: string, trackerId: string) => `/p/${workspaceSlug}/${trackerId}/badge.svg`,
  publicEmbed: (workspaceSlug: string, trackerId: string) => `/p/${workspaceSlug}/${trackerId}/embed`,
  passage: (slug: string, trackerId: string, recommendationId: string) =>
    `/w/${slug}/t/${trackerId}/document#passage-${recommendationId}`,
  recommendation: (slug: string, trackerId: string, recommendationId: string) =>
    `/w/${slug}/t/${trackerId}/r/${recommendationId}`,

  api: {
    unreadCount: () => "/api/notifications/unread-count",
    unsubscribe: (token: string) =>
      withQuery("/api/notifications/unsubscribe", new URLSearchParams({ token })),
    importJob: (slug: string, jobId: string) => `/api/w/${slug}/import-jobs/${jobId}`,
    /** POST the file as the body; its name goes in the query. */
    importUpload: (slug: string, trackerId: string, fileName: string) =>
      withQuery(`/api/w/${slug}/t/${trackerId}/import-uploads`, new URLSearchParams({ name: fileName })),
    /** POST a document file (with its name) or pasted text (no name) as the body. */
    documentUpload: (slug: string, fileName: string | null) =>
      withQuery(
        `/api/w/${slug}/document-uploads`,
        new URLSearchParams(fileName === null ? { source: "paste" } : { name: fileName }),
      ),
  },
} as const;
