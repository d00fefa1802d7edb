import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Nothing here</h1>
      <p className="mt-2 text-sm text-slate-600">The page does not exist, or what it showed is no longer there.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline underline-offset-4">
        Back to your start page
      </Link>
    </div>
  );
}
