import type { Option } from "@/components/form/fields";
import { ROLE_LABELS, ROLES } from "@/lib/domain/roles";

export const ROLE_OPTIONS: Option[] = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
