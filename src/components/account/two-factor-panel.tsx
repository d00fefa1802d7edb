"use client";

import { useId, useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { type RouterOutputs, trpc } from "~/trpc/react";
import { BackupCodes } from "./backup-codes";
import { errorMessage } from "./error-message";
import { inputClass } from "./input-class";
import { LocalTime } from "./local-time";
import { Notice } from "./notice";

type Status = RouterOutputs["me"]["twoFactor"]["status"];
type Enrolment = RouterOutputs["me"]["twoFactor"]["beginEnrolment"];

type Step = { kind: "idle" } | { kind: "enrolling"; enrolment: Enrolment } | { kind: "codes"; codes: string[] } | { kind: "regenerate" } | { kind: "disable" };

/** One labelled input and a submit button: the shape of every step here. */
function SingleFieldForm({
  label,
  hint,
  type,
  submitLabel,
  variant = "primary",
  busy,
  error,
  onSubmit,
  onCancel,
  testId,
}: {
  label: string;
  hint?: string;
  type: "code" | "password";
  submitLabel: string;
  variant?: "primary" | "danger";
  busy: boolean;
  error: string | null;
  onSubmit: (value: string) => void;
  onCancel: () => void;
  testId: string;
}) {
  const id = useId();
  const [value, setValue] = useState("");
  return (
    <form
      noValidate
      className="max-w-sm space-y-3"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(value);
      }}
    >
      <div className="space-y-1.5">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id={id}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoFocus
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${inputClass} ${type === "code" ? "font-mono tracking-widest" : ""}`}
          {...(type === "code" ? { inputMode: "numeric" as const, autoComplete: "one-time-code", maxLength: 7, placeholder: "123456" } : { type: "password", autoComplete: "current-password" })}
        />
        {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={variant} busy={busy}>
          {submitLabel}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function EnrolmentStep({ enrolment, confirm }: { enrolment: Enrolment; confirm: React.ReactNode }) {
  const grouped = enrolment.secret.match(/.{1,4}/g)?.join(" ") ?? enrolment.secret;
  return (
    <div className="grid gap-6 md:grid-cols-[auto_1fr]">
      <div className="space-y-2">
        {/* Drawn on the server from the otpauth:// URI: no QR service ever sees the secret. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={enrolment.qrCode} alt="QR code to add Warden to your authenticator app" className="size-48 rounded-lg ring-1 ring-slate-200" />
      </div>
      <div className="space-y-4">
        <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
          <li>Open your authenticator app (Google Authenticator, 1Password, Authy, Aegis…) and add an account.</li>
          <li>
            Scan the QR code, or type this key:
            <code className="mt-1 block w-fit select-all rounded-md bg-slate-100 px-2 py-1 font-mono text-sm tracking-wider text-slate-900" data-testid="totp-secret" data-secret={enrolment.secret}>
              {grouped}
            </code>
            <span className="text-xs text-slate-500">Time-based, 6 digits, every 30 seconds.</span>
          </li>
          <li>Enter the 6-digit code the app shows to switch two-factor on.</li>
        </ol>
        {confirm}
      </div>
    </div>
  );
}

/**
 * Two-factor with an authenticator app: set up (QR code or key, then a code
 * to prove it works), backup codes shown once, new backup codes after a
 * current code, and off again after the password.
 */
export function TwoFactorPanel({ initial }: { initial: Status }) {
  const utils = trpc.useUtils();
  const status = trpc.me.twoFactor.status.useQuery(undefined, { initialData: initial });
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => Promise.all([utils.me.twoFactor.status.invalidate(), utils.me.overview.invalidate(), utils.me.alerts.list.invalidate()]);

  const begin = trpc.me.twoFactor.beginEnrolment.useMutation({ onSuccess: (enrolment) => setStep({ kind: "enrolling", enrolment }) });
  const confirm = trpc.me.twoFactor.confirmEnrolment.useMutation({
    onSuccess: async ({ backupCodes }) => {
      setStep({ kind: "codes", codes: backupCodes });
      setNotice("Two-factor authentication is on. Next time you sign in, Warden will ask for a code.");
      await refresh();
    },
  });
  const regenerate = trpc.me.twoFactor.regenerateBackupCodes.useMutation({
    onSuccess: async ({ backupCodes }) => {
      setStep({ kind: "codes", codes: backupCodes });
      setNotice("New backup codes made. The old ones no longer work.");
      await refresh();
    },
  });
  const disable = trpc.me.twoFactor.disable.useMutation({
    onSuccess: async () => {
      setStep({ kind: "idle" });
      setNotice("Two-factor authentication is off. Sign-in now asks only for your password.");
      await refresh();
    },
  });
  const reset = (next: Step = { kind: "idle" }) => {
    for (const m of [begin, confirm, regenerate, disable]) m.reset();
    setNotice(null);
    setStep(next);
  };

  const { enabled, enabledAt, backupCodesRemaining, totalBackupCodes } = status.data;
  let body: React.ReactNode;
  if (step.kind === "codes") {
    body = <BackupCodes codes={step.codes} onDone={() => reset()} />;
  } else if (step.kind === "enrolling") {
    body = (
      <EnrolmentStep
        enrolment={step.enrolment}
        confirm={
          <SingleFieldForm
            testId="totp-confirm-form"
            label="Code from the app"
            type="code"
            submitLabel="Turn on two-factor"
            busy={confirm.isPending}
            error={confirm.error ? errorMessage(confirm.error) : null}
            onSubmit={(code) => confirm.mutate({ code })}
            onCancel={() => reset()}
          />
        }
      />
    );
  } else if (step.kind === "regenerate") {
    body = (
      <SingleFieldForm
        testId="regenerate-form"
        label="Code from your authenticator app"
        hint="New codes replace all of your current backup codes."
        type="code"
        submitLabel="Make new backup codes"
        busy={regenerate.isPending}
        error={regenerate.error ? errorMessage(regenerate.error) : null}
        onSubmit={(code) => regenerate.mutate({ code })}
        onCancel={() => reset()}
      />
    );
  } else if (step.kind === "disable") {
    body = (
      <SingleFieldForm
        testId="disable-form"
        label="Your password"
        hint="Turning two-factor off makes your account easier to break into. Your authenticator entry and backup codes stop working."
        type="password"
        variant="danger"
        submitLabel="Turn off two-factor"
        busy={disable.isPending}
        error={disable.error ? errorMessage(disable.error) : null}
        onSubmit={(password) => disable.mutate({ password })}
        onCancel={() => reset()}
      />
    );
  } else if (enabled) {
    body = (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          Sign-in asks for a code from your authenticator app{enabledAt ? <> (on since <LocalTime value={enabledAt} />)</> : null}.
        </p>
        <p className={`text-sm ${backupCodesRemaining <= 3 ? "font-medium text-amber-800" : "text-slate-700"}`} data-testid="backup-codes-remaining">
          {backupCodesRemaining} of {totalBackupCodes} backup codes left.
          {backupCodesRemaining <= 3 ? " Make new ones before you run out." : ""}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => reset({ kind: "regenerate" })}>
            Make new backup codes
          </Button>
          <Button variant="danger" onClick={() => reset({ kind: "disable" })}>
            Turn off two-factor
          </Button>
        </div>
      </div>
    );
  } else {
    body = (
      <div className="space-y-4">
        <p className="max-w-prose text-sm text-slate-700">
          With two-factor on, signing in needs your password and a code from an app on your phone, so a stolen password alone gets nobody in.
        </p>
        {begin.error ? <Notice tone="danger">{errorMessage(begin.error)}</Notice> : null}
        <Button onClick={() => begin.mutate()} busy={begin.isPending}>
          Set up an authenticator app
        </Button>
      </div>
    );
  }

  return (
    <Card aria-labelledby="two-factor-heading" id="two-factor">
      <CardHeader
        id="two-factor-heading"
        title="Two-factor authentication"
        description="A code from an authenticator app after your password."
        actions={enabled ? <Badge tone="success">On</Badge> : <Badge tone="warning">Off</Badge>}
      />
      <CardBody className="space-y-4">
        {notice && step.kind !== "enrolling" ? <Notice tone="success">{notice}</Notice> : null}
        {body}
      </CardBody>
    </Card>
  );
}
