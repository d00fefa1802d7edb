"use client";

import { Card } from "~/components/ui/card";
import { ErrorState } from "~/components/ui/states";

/** An account page whose data could not be read: the shell stays, with a way to try again. */
export default function AccountError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <ErrorState title="This page could not load" message="Warden could not read your account just now. The error has been logged." retry={reset} />
    </Card>
  );
}
