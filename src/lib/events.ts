/** Severity and status values as the UI offers them, most urgent first. */
export const SEVERITY_OPTIONS = ["critical", "high", "medium", "low"] as const;
export const EVENT_STATUS_OPTIONS = ["open", "acknowledged", "resolved"] as const;
