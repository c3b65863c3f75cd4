// Transitional: the planner's data types live in src/model/data.ts.
export * from '../model/data.js';
