import { requirePageMembership } from "@/lib/dal/memberships";

/**
 * The page authorizes too; checking here, above the page's loading boundary, makes the response a
 * real 403 for members whose role does not allow member management.
 */
export default async function MembersLayout({ children, params }: LayoutProps<"/w/[slug]/members">) {
  const { slug } = await params;
  await requirePageMembership(slug, "member.read");
  return children;
}
