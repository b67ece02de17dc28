export { decide, evaluate } from './evaluate.js';
export { classify } from './classify.js';
export { factsNeeded, type FactsNeeded } from './needs.js';
export { filesToRead } from './files.js';
