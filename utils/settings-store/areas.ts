/**
 * What the two storage areas hold, each read in one call (layout.ts reads them, migrations.ts
 * brings older pieces up to date): its own module, so neither of the two imports the other.
 */
export type Areas = { sync: Record<string, unknown>; local: Record<string, unknown> };
