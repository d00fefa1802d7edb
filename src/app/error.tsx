"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center" role="alert">
      <p className="text-sm font-semibold text-red-700">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">This page could not be shown</h1>
      <p className="mt-2 text-sm text-slate-600">The error has been logged on the server. Try again, or go back to your start page.</p>
      <div className="mt-6 flex justify-center gap-4 text-sm font-medium">
        <button type="button" onClick={reset} className="text-brand-700 underline underline-offset-4">
          Try again
        </button>
        <Link href="/" className="text-slate-700 underline underline-offset-4">
          Start page
        </Link>
      </div>
    </div>
  );
}
