"use client";

import { signIn } from "next-auth/react";
import { useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import {
  decodeSignInError,
  SIGN_IN_FIELD_MESSAGES,
  SIGN_IN_MESSAGES,
  type SignInFieldProblem,
} from "~/lib/sign-in-messages";

const inputClass =
  "block w-full rounded-lg border-0 px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

export function SignInForm({ next, notice }: { next: string; notice: string | null }) {
  const [step, setStep] = useState<"password" | "code">("password");
  const [challenge, setChallenge] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [field, setField] = useState<SignInFieldProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  async function submit(credentials: Record<string, string>) {
    setBusy(true);
    setMessage(null);
    setField(null);
    try {
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(next);
        return;
      }
      const { code, detail } = decodeSignInError(result?.error);
      if (code === "mfa_required" && detail) {
        setChallenge(detail);
        setStep("code");
        setTimeout(() => codeRef.current?.focus(), 0);
      } else if (code === "invalid_input") {
        const problem = (detail && detail in SIGN_IN_FIELD_MESSAGES ? detail : null) as SignInFieldProblem | null;
        setField(problem);
        setMessage(problem ? SIGN_IN_FIELD_MESSAGES[problem] : SIGN_IN_MESSAGES.invalid_input);
      } else if (code === "challenge_expired") {
        setStep("password");
        setChallenge(null);
        setMessage(SIGN_IN_MESSAGES.challenge_expired);
      } else if (code === "mfa_invalid") {
        setMessage(SIGN_IN_MESSAGES.mfa_invalid);
      } else {
        if (step === "code") {
          setStep("password");
          setChallenge(null);
        }
        setMessage(SIGN_IN_MESSAGES[code === "mfa_required" ? "server_error" : code]);
      }
    } catch {
      setMessage(SIGN_IN_MESSAGES.server_error);
    } finally {
      setBusy(false);
    }
  }

  function onPasswordSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // No checks here: the server validates (and records) every attempt, bad input included.
    void submit({ identifier: String(data.get("identifier") ?? "").trim(), password: String(data.get("password") ?? "") });
  }

  function onCodeSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    void submit({ challenge: challenge ?? "", code: code.trim() });
  }

  const identifierInvalid = field?.startsWith("identifier") ?? false;
  const passwordInvalid = field?.startsWith("password") ?? false;

  return (
    <div className="space-y-5">
      {notice && !message ? (
        <p className="rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-inset ring-sky-200" role="status">
          {notice}
        </p>
      ) : null}
      {message ? (
        <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200" role="alert" data-testid="sign-in-error">
          {message}
        </p>
      ) : null}

      {step === "password" ? (
        <form noValidate onSubmit={onPasswordSubmit} className="space-y-4" aria-label="Sign in">
          <div className="space-y-1.5">
            <label htmlFor="identifier" className="block text-sm font-medium text-slate-800">
              Email
            </label>
            <input id="identifier" name="identifier" type="email" autoComplete="username" required className={inputClass} aria-invalid={identifierInvalid} aria-describedby={identifierInvalid ? "sign-in-error" : undefined} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="password" className="block text-sm font-medium text-slate-800">
              Password
            </label>
            <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} aria-invalid={passwordInvalid} />
          </div>
          <Button type="submit" busy={busy} className="w-full">
            Sign in
          </Button>
        </form>
      ) : (
        <form noValidate onSubmit={onCodeSubmit} className="space-y-4" aria-label="Two-factor verification">
          <div className="space-y-1.5">
            <label htmlFor="code" className="block text-sm font-medium text-slate-800">
              Verification code
            </label>
            <input ref={codeRef} id="code" name="code" inputMode="text" autoComplete="one-time-code" maxLength={16} required className={`${inputClass} font-mono tracking-widest`} aria-invalid={field === "code_format"} />
            <p className="text-xs text-slate-500">The 6-digit code from your authenticator app, or one of your backup codes.</p>
          </div>
          <Button type="submit" busy={busy} className="w-full">
            Verify
          </Button>
          <button
            type="button"
            className="w-full text-center text-xs text-slate-600 underline underline-offset-2"
            onClick={() => {
              setStep("password");
              setChallenge(null);
              setMessage(null);
            }}
          >
            Start again
          </button>
        </form>
      )}
    </div>
  );
}
