import type { FormState } from "./form";

/** The state of a form nobody has sent yet (importable from client components). */
export const IDLE_STATE: FormState = { status: "idle" };
