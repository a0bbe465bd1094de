export { compileCalendar } from './compile.ts';
export type { BusinessCalendar, CalendarSpec, WallTime, Weekday, WeeklyInterval } from './types.ts';
