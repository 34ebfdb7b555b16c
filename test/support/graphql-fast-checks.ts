// graphql-js picks its `instanceOf` when first loaded: outside production it
// adds a check that only detects two copies of graphql in one process, and
// that check costs about as much as executing a large response (a 5,000-item
// batch: 1.9 s of 2.8 s). Test files load graphql with the production
// `instanceOf`; the end-to-end tests still run the real server as it ships.
const previous = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
// a require, not an import: it must run between the two assignments
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('graphql/jsutils/instanceOf');
process.env.NODE_ENV = previous;
