import { redirect } from "next/navigation";
import { LANDING_PAGE } from "~/lib/roles";
import { getCurrentSession } from "~/server/auth/current";

export const dynamic = "force-dynamic";

/** Each role starts on its own page: operators on the overview, compliance on the audit trail, users on their account. */
export default async function Home() {
  const session = await getCurrentSession();
  redirect(session ? LANDING_PAGE[session.user.role] : "/sign-in");
}
