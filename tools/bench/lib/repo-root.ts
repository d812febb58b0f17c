import path from 'node:path';

/** The repository's root: services start there and package versions come from its node_modules. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
