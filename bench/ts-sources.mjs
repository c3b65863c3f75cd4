// Imported first by the TypeScript benches run with Node's type stripping: src/ imports its own modules as './x.js'
// (TypeScript's NodeNext convention), which Node does not map to './x.ts'; this resolves those to the .ts sources
// (module.registerHooks: Node 22.15+/23.5+). Modules of src/ must be imported after it, with import().
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (e) {
      if (/^\.\.?\//.test(specifier) && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
      throw e;
    }
  },
});
