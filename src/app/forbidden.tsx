import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">Your role does not include it. If you need it, ask a Warden administrator.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline underline-offset-4">
        Back to your start page
      </Link>
    </div>
  );
}
