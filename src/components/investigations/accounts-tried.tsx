"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { LocalTime } from "~/components/ui/local-time";
import { Table, TBody, Td, Th } from "~/components/ui/table";

interface Account {
  identifier: string;
  userId: string | null;
  lockedNow: boolean;
  attempts: number;
  failures: number;
  successes: number;
  lastAttemptAt: Date;
}

const FIRST = 15;

/** The accounts one address tried; long lists fold after the first rows, the ones that matter most. */
export function AccountsTried({ accounts }: { accounts: Account[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? accounts : accounts.slice(0, FIRST);
  return (
    <>
      <Table label="Accounts tried from this address">
        <thead>
          <tr>
            <Th>Identifier</Th>
            <Th align="right">Attempts</Th>
            <Th align="right">Failures</Th>
            <Th align="right">Successes</Th>
            <Th>Last attempt</Th>
          </tr>
        </thead>
        <TBody>
          {shown.map((a) => (
            <tr key={`${a.identifier}:${a.userId ?? ""}`}>
              <Td>
                {a.userId ? (
                  <Link href={`/users/${a.userId}`} className="font-medium text-brand-700 hover:underline">
                    {a.identifier}
                  </Link>
                ) : (
                  <span className="text-slate-500">
                    {a.identifier} <span className="text-xs">(no account)</span>
                  </span>
                )}
                {a.lockedNow ? <Badge tone="danger" className="ml-2">Locked</Badge> : null}
              </Td>
              <Td align="right">{a.attempts}</Td>
              <Td align="right">{a.failures}</Td>
              <Td align="right" className={a.successes ? "font-semibold text-red-700" : undefined}>
                {a.successes}
              </Td>
              <Td>
                <LocalTime value={a.lastAttemptAt} />
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {accounts.length > FIRST ? (
        <div className="border-t border-slate-100 px-5 py-3">
          <button type="button" className="text-xs font-medium text-brand-700 underline underline-offset-2" onClick={() => setAll((v) => !v)} aria-expanded={all}>
            {all ? `Show the first ${FIRST}` : `Show all ${accounts.length}`}
          </button>
        </div>
      ) : null}
    </>
  );
}
