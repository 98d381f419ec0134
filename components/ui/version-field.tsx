"use client";

import { useState } from "react";

/**
 * The hidden `version` of an edit form, frozen when the form opens. Live updates re-render the page while
 * someone edits (components/live/live-provider.tsx); if the form took the fresh version, a save over someone
 * else's change would silently overwrite it. Frozen, the server answers CONFLICT and the form says so.
 */
export function VersionField({ version }: { version: number }) {
  const [atOpen] = useState(version);
  return <input type="hidden" name="version" value={atOpen} />;
}
