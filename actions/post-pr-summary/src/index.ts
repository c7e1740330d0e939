import { postPrSummary } from './main.js';

await postPrSummary();
