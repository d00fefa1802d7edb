import { Card } from "~/components/ui/card";
import { LoadingPanel, Skeleton } from "~/components/ui/states";

/** Shown while an account page's data is read on the server. */
export default function AccountLoading() {
  return (
    <div>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <Card>
        <LoadingPanel label="Loading your account" rows={6} />
      </Card>
    </div>
  );
}
