"use client";

import { ErrorView } from "@/components/ui/error-view";

/** The error boundary of every route segment (re-exported by each error.tsx). */
export default function SegmentError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorView reset={reset} />;
}
