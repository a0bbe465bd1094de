// Regenerates policies/policy.schema.json from the core's zod schema (editors validate policy files with it).
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../core/policy/schema';

writeFileSync(new URL('../policies/policy.schema.json', import.meta.url), `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
