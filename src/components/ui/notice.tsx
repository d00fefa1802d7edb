"use client";

import { createContext, useCallback, useContext, useState } from "react";

type Tone = "success" | "info" | "error";
const NoticeContext = createContext<(text: string, tone?: Tone) => void>(() => {});

/** A single polite status line for the outcome of the last action ("3 sessions revoked", "Nothing to do"). */
export function NoticeProvider({ children }: { children: React.ReactNode }) {
  const [notice, setNotice] = useState<{ text: string; tone: Tone; key: number } | null>(null);
  const show = useCallback((text: string, tone: Tone = "success") => {
    const key = Date.now();
    setNotice({ text, tone, key });
    setTimeout(() => setNotice((n) => (n?.key === key ? null : n)), 6000);
  }, []);
  const tones = { success: "bg-emerald-600", info: "bg-slate-800", error: "bg-red-600" };
  return (
    <NoticeContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
        {notice ? (
          <p role="status" data-testid="notice" className={`pointer-events-auto rounded-lg px-4 py-2 text-sm font-medium text-white shadow-lg ${tones[notice.tone]}`}>
            {notice.text}
          </p>
        ) : null}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice() {
  return useContext(NoticeContext);
}
