export { EXIT } from './errors.js';
export { type Io, main } from './main.js';
