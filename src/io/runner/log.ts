// The Log port on @actions/core: the one place (with main.ts's setFailed/setSecret, deps.ts's getInput and
// publish.ts's outputs and summary) where the action speaks to the runner, and only through the toolkit.
import path from 'node:path';
import * as core from '@actions/core';
import type { Annotation, Log } from '../../model/ports.js';

/** The title every annotation without its own gets, so it reads as this action's on the run's page. */
export const ANNOTATION_TITLE = 'S3 CloudFront deploy';

/**
 * @actions/core's annotation properties: a title always, and the file relative to the workspace, where GitHub can
 * link it (a file outside the workspace, e.g. a build directory under /tmp, is left out).
 */
export function annotationProperties(at: Annotation | undefined, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
  const file = at?.file ? path.relative(workspace, path.resolve(workspace, at.file)) : '';
  const inside = file !== '' && !file.startsWith('..') && !path.isAbsolute(file);
  return { title: at?.title ?? ANNOTATION_TITLE, ...(inside ? { file: file.split(path.sep).join('/') } : {}) };
}

export const actionsLog: Log = {
  info: (m) => core.info(m),
  debug: (m) => core.debug(m),
  notice: (m, at) => core.notice(m, annotationProperties(at)),
  warning: (m, at) => core.warning(m, annotationProperties(at)),
  group: (name, fn) => core.group(name, fn),
  get debugging() {
    return core.isDebug();
  },
};
