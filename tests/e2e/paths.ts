import { join } from 'node:path';

export const TEMPLATE_STORE = join(process.cwd(), 'test-results', 'e2e-template', 'demo.sqlite');
export const DEMO_CASES = 160;
/** A fixed "today" so the demo store, and what the tests see, never depend on the calendar. */
export const DEMO_AS_OF = '2026-11-16'; // a Monday: "due this week" spans five business days
