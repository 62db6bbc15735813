import { z } from 'zod';

// The page's CSP has no 'unsafe-eval'. Zod 4 compiles object parsers with `new Function` unless told
// not to, and it decides per schema when the schema is built. This module is therefore the very first
// import of the entry point, so the flag is set before the contract's schemas are constructed.
z.config({ jitless: true });
