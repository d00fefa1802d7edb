"use client";

import { useId, useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { trpc } from "~/trpc/react";
import { errorMessage } from "./error-message";
import { inputClass } from "./input-class";
import { LocalTime } from "./local-time";
import { Notice } from "./notice";

export interface PasswordRules {
  minLength: number;
  maxLength: number;
  historyDepth: number;
}

/**
 * Change the password with the current one. The browser checks only that
 * the two new entries match; strength and reuse are judged on the server,
 * which says why it refused.
 */
export function PasswordForm({ rules, changedAt, email }: { rules: PasswordRules; changedAt: Date | null; email: string }) {
  const ids = { current: useId(), next: useId(), confirm: useId(), rules: useId(), error: useId() };
  const [form, setForm] = useState({ current: "", next: "", confirm: "" });
  const [problem, setProblem] = useState<{ field: "current" | "next" | "confirm" | null; text: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const change = trpc.me.password.change.useMutation({
    onSuccess: (result) => {
      setForm({ current: "", next: "", confirm: "" });
      setProblem(null);
      setDone(
        `Password changed.${result.sessionsSignedOut ? ` ${result.sessionsSignedOut} other session${result.sessionsSignedOut === 1 ? " was" : "s were"} signed out.` : ""} You stay signed in here.`,
      );
    },
    onError: (error) => {
      const text = errorMessage(error);
      // The server words a wrong current password as such; every other refusal is about the new one.
      setProblem({ field: text.startsWith("Your current password") ? "current" : "next", text });
    },
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setDone(null);
    if (!form.current) return setProblem({ field: "current", text: "Enter your current password." });
    if (!form.next) return setProblem({ field: "next", text: "Enter a new password." });
    if (form.next !== form.confirm) return setProblem({ field: "confirm", text: "The two new passwords don't match." });
    setProblem(null);
    change.mutate({ currentPassword: form.current, newPassword: form.next });
  }

  const field = (name: keyof typeof form, label: string, autoComplete: string, describedBy?: string) => (
    <div className="space-y-1.5">
      <label htmlFor={ids[name]} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={ids[name]}
        name={name}
        type="password"
        autoComplete={autoComplete}
        value={form[name]}
        maxLength={rules.maxLength}
        onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
        aria-invalid={problem?.field === name}
        aria-describedby={[describedBy, problem?.field === name ? ids.error : null].filter(Boolean).join(" ") || undefined}
        className={inputClass}
      />
    </div>
  );

  return (
    <Card aria-labelledby="password-heading" id="password">
      <CardHeader
        id="password-heading"
        title="Password"
        description={changedAt ? <>Last changed <LocalTime value={changedAt} />.</> : "Never changed since the account was made."}
      />
      <CardBody>
        <form onSubmit={submit} noValidate className="max-w-md space-y-4" aria-label="Change password">
          {done ? <Notice tone="success">{done}</Notice> : null}
          {problem ? (
            <p id={ids.error} role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200" data-testid="password-error">
              {problem.text}
            </p>
          ) : null}
          {/* Lets a password manager file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          {field("current", "Current password", "current-password")}
          {field("next", "New password", "new-password", ids.rules)}
          <ul id={ids.rules} className="list-disc space-y-0.5 pl-5 text-xs text-slate-500">
            <li>At least {rules.minLength} characters. A few unrelated words make a strong, memorable password.</li>
            <li>Not a common password, and not built from your name or email address.</li>
            <li>Not one of your last {rules.historyDepth} passwords.</li>
          </ul>
          {field("confirm", "New password again", "new-password")}
          <p className="text-xs text-slate-500">Changing your password signs out every other session on your account.</p>
          <Button type="submit" busy={change.isPending}>
            Change password
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
