import Link from "next/link";
import { getUnsubscribeLink } from "@/lib/notifications/queries";
import { kindLabels } from "@/lib/notifications/rules";
import { routes } from "@/lib/routes";
import { Button } from "@/components/ui/button";

export const metadata = { title: "Unsubscribe · Advocacy Tracker" };

/**
 * The unsubscribe link in notification emails. Opening it changes nothing (mail scanners open links); the
 * button posts to the one-click address (the same one mail clients use, RFC 8058) and comes back here.
 */
export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  const { token, done } = await searchParams;
  const link = typeof token === "string" ? await getUnsubscribeLink(token) : null;
  if (!link || typeof token !== "string") {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">Link not valid</h1>
        <p className="mt-2 text-sm text-zinc-600">
          This unsubscribe link is not valid. You can choose which emails you get on your account page.
        </p>
        <Link
          href={`${routes.account()}#notifications`}
          className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          Notification settings
        </Link>
      </>
    );
  }
  const label = kindLabels[link.kind].label.toLowerCase();
  if (done === "1" || link.isOff) {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">Unsubscribed</h1>
        <p className="mt-2 text-sm text-zinc-600" role="status">
          You will no longer get emails about {label}. They still appear in your inbox.
        </p>
        <Link
          href={`${routes.account()}#notifications`}
          className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          Change notification settings
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">Stop emails about {label}?</h1>
      <p className="mt-2 text-sm text-zinc-600">
        {kindLabels[link.kind].hint}. You will still see these in your inbox.
      </p>
      <form method="post" action={routes.api.unsubscribe(token)} className="mt-6">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button type="submit" className="w-full">
          Unsubscribe
        </Button>
      </form>
    </>
  );
}
