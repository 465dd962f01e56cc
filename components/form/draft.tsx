"use client";

// Keeps what someone is typing as a draft on the server (docs/decisions/0023-drafts.md): the form's
// content is sent two seconds after they stop typing, and at once when the page is hidden (a phone
// about to put the browser away), one request at a time, never in the way of typing. A quiet status
// line says when it was last kept; a draft restored into the form says so, with a way to discard it.
//
//   const draft = useDraft({ caseId, kind: "VISIT", restored });
//   <>{draft.notice}<TheForm key={draft.generation} initial={draft.initialState} formProps={draft.formProps} onAnswer={draft.resume} />{draft.status}</>
import { useCallback, useEffect, useRef, useState } from "react";
import { discardDraftAction, saveDraftAction, type DraftAnswer } from "@/lib/actions/drafts";
import type { FormState } from "@/lib/actions/form";
import { formValues, type FormValues } from "@/lib/actions/form-values";
import { IDLE_STATE } from "@/lib/actions/idle";
import type { Draft, DraftKind } from "@/lib/data/drafts";
import { formatLondonDateTime } from "@/lib/domain/london-time";

export type RestoredDraft = Pick<Draft, "fields" | "baseVersion" | "savedAt">;

const CLOCK = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London" });

const OFFLINE = "Draft not saved: no connection. What you typed is still here, and is saved when the connection is back.";

/** The form's fields as the browser would send them, read as the server action reads them. */
const readForm = (form: HTMLFormElement): FormValues => formValues(new FormData(form));

export type DraftFormProps = {
  ref: (form: HTMLFormElement | null) => void;
  onChange: () => void;
  onSubmit: () => void;
};

export function useDraft({ caseId, kind, restored, delayMs = 2000 }: { caseId: string; kind: DraftKind; restored: RestoredDraft | null; delayMs?: number }) {
  const [offered, setOffered] = useState(restored);
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState("");
  const [discardError, setDiscardError] = useState("");
  const [discarding, setDiscarding] = useState(false);
  const form = useRef<HTMLFormElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  /** typed since the last draft was kept */
  const dirty = useRef(false);
  /** the form is being sent: its draft goes with the save, so keep nothing more until it is refused */
  const sending = useRef(false);

  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const save = useCallback(
    async function keep(): Promise<void> {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const element = form.current;
      // one request at a time: what is typed meanwhile is kept by the next one
      if (!element || !dirty.current || sending.current || inFlight.current) return;
      inFlight.current = true;
      dirty.current = false;
      const fields = readForm(element);
      const baseVersion = kind === "SUMMARY" ? Number(fields.baseVersion ?? 0) : null;
      let answer: DraftAnswer;
      try {
        answer = await saveDraftAction({ caseId, kind, fields, baseVersion });
      } catch {
        answer = { ok: false, message: "" };
      }
      inFlight.current = false;
      if (answer.ok) {
        if (answer.savedAt) setStatus(`Draft saved ${CLOCK.format(new Date(answer.savedAt))}`);
        // typed while this one was on its way
        if (dirty.current && !sending.current) {
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void keep(), delayMs);
        }
      } else {
        // kept at the next keystroke, or when the connection is back
        dirty.current = true;
        setStatus(answer.message ? `Draft not saved. ${answer.message}` : OFFLINE);
      }
    },
    [caseId, kind, delayMs],
  );

  const schedule = useCallback(() => {
    cancel();
    timer.current = setTimeout(() => void save(), delayMs);
  }, [cancel, save, delayMs]);

  useEffect(() => {
    // hidden (another app, the tab closing, the phone locking): keep it now rather than in two seconds
    const hidden = () => {
      if (document.visibilityState === "hidden") void save();
    };
    const online = () => void save();
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("online", online);
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("online", online);
      cancel();
    };
  }, [save, cancel]);

  const attach = useCallback((element: HTMLFormElement | null) => {
    form.current = element;
  }, []);

  const formProps: DraftFormProps = {
    ref: attach,
    onChange: () => {
      dirty.current = true;
      if (!sending.current) schedule();
    },
    onSubmit: () => {
      sending.current = true;
      cancel();
    },
  };

  /** The form's answer came back refused: it is still being typed, so keep drafts again. */
  const resume = useCallback(() => {
    if (!sending.current) return;
    sending.current = false;
    if (dirty.current) schedule();
  }, [schedule]);

  const discard = async () => {
    cancel();
    setDiscarding(true);
    setDiscardError("");
    let answer: DraftAnswer;
    try {
      answer = await discardDraftAction({ caseId, kind });
    } catch {
      answer = { ok: false, message: "There is no connection, so the draft was not discarded. Try again in a moment." };
    }
    setDiscarding(false);
    if (!answer.ok) {
      setDiscardError(answer.message);
      return;
    }
    dirty.current = false;
    setOffered(null);
    setGeneration((g) => g + 1);
    setStatus("Draft discarded");
  };

  // after a discard the form starts again empty: put the person back at its first field
  const started = useRef(generation);
  useEffect(() => {
    if (started.current === generation) return;
    started.current = generation;
    form.current?.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select")?.focus();
  }, [generation]);

  const initialState: FormState = offered
    ? { status: "idle", values: { ...offered.fields, ...(offered.baseVersion === null ? {} : { baseVersion: String(offered.baseVersion) }) } }
    : IDLE_STATE;

  return {
    /** a key for the form: it changes when the draft is discarded, so the form starts again */
    generation,
    /** the form's first state: the restored draft's fields, or nothing */
    initialState,
    /** the draft restored into the form, until it is discarded */
    restored: offered,
    formProps,
    resume,
    notice: offered && (
      <DraftNotice savedAt={offered.savedAt} onDiscard={() => void discard()} discarding={discarding} error={discardError} />
    ),
    status: (
      <p role="status" aria-live="polite" className="mt-3 min-h-6 text-sm text-muted">
        {status}
      </p>
    ),
  };
}

function DraftNotice({ savedAt, onDiscard, discarding, error }: { savedAt: string; onDiscard: () => void; discarding: boolean; error: string }) {
  return (
    <div className="mb-6 border-l-4 border-brand bg-white p-3">
      <p>
        We restored what you were typing on {formatLondonDateTime(savedAt)}.{" "}
        <button type="button" className="btn-link min-h-6 font-semibold" onClick={onDiscard} disabled={discarding} aria-disabled={discarding}>
          {discarding ? "Discarding…" : "Discard it"}
        </button>
      </p>
      {error && <p className="mt-2 font-semibold text-danger">{error}</p>}
    </div>
  );
}
