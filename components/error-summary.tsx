"use client";

import { useEffect, useRef } from "react";

export type FieldError = { field: string; message: string };

/** GOV.UK-style error summary: takes focus when it appears and links to each field. */
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: FieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => `${e.field}:${e.message}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-6 border-4 border-danger bg-white p-4 outline-none focus-visible:outline-3">
      <h2 id="error-summary-title" className="mb-2 text-xl font-bold">
        {title}
      </h2>
      <ul className="space-y-1">
        {errors.map((e) => (
          <li key={`${e.field}-${e.message}`}>
            {e.field ? (
              <a href={`#${e.field}`} className="font-semibold text-danger!">
                {e.message}
              </a>
            ) : (
              <span className="font-semibold text-danger">{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
