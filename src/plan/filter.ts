// Which relative paths of the build dir are deployed. Pure; shared by the walker and the delete guard.
import picomatch from 'picomatch';
import { hasHiddenSegment, isHiddenSegment, type FileFilter } from '../model/data.js';
import { isOwnRelPath } from '../model/records.js';

export function makeFileFilter(include: string[], exclude: string[]): FileFilter {
  // dot: false means a hidden file is only included by a pattern that names the dot explicitly
  // (`.htaccess`, `**/.nojekyll`), never by `**` or `*.txt`.
  const included = include.length === 0 ? () => true : picomatch(include, { dot: false });
  // `.well-known/` is not hidden, so `**` must reach it: match non-hidden paths with dot: true.
  const includedVisible = include.length === 0 ? () => true : picomatch(include, { dot: true });
  const excluded = exclude.length === 0 ? () => false : picomatch(exclude, { dot: true });
  const dotPatterns = include.some((p) => p.split('/').some(isHiddenSegment));
  return {
    skipReason(relPath) {
      if (isOwnRelPath(relPath)) return 'reserved-prefix';
      // .git is never deployed, even when a pattern names it.
      if (hasHiddenSegment(relPath) && (include.length === 0 || !included(relPath) || /(^|\/)\.git\//.test(relPath))) return 'dotfile';
      const hidden = hasHiddenSegment(relPath);
      if (!(hidden ? included(relPath) : includedVisible(relPath)) || excluded(relPath)) return 'excluded';
      return null;
    },
    mayDescend(relDir) {
      if (relDir === '.git' || relDir.endsWith('/.git')) return false;
      if (hasHiddenSegment(relDir)) return dotPatterns;
      return true;
    },
  };
}

/** Keys (relative to prefix) that the delete step must leave alone: user globs plus anything the filter skips. */
export function makeDeleteGuard(filter: FileFilter, protect: string[]): (relKey: string) => boolean {
  const protectedGlob = protect.length === 0 ? () => false : picomatch(protect, { dot: true });
  return (relKey) => protectedGlob(relKey) || filter.skipReason(relKey) !== null;
}
