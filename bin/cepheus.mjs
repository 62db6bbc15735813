#!/usr/bin/env node
// The `cepheus` command: loads the TypeScript CLI through tsx's register API, so it works from
// `npx cepheus …` in the repository and from `npm run cepheus -- …` alike.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
