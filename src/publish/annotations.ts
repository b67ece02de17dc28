/**
 * Line annotations as workflow commands. GitHub shows at most 10 of each level per step; the
 * budget is shared by every pull request one step evaluates, and what does not fit is returned
 * so the job summary can list it.
 */
import * as core from '@actions/core';
import type { Annotation, AnnotationLevel } from '../report/index.js';

export const ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationBudget = Record<AnnotationLevel, number>;

export const freshBudget = (): AnnotationBudget => ({
  failure: ANNOTATIONS_PER_LEVEL,
  warning: ANNOTATIONS_PER_LEVEL,
  notice: ANNOTATIONS_PER_LEVEL,
});

const COMMAND: Record<AnnotationLevel, typeof core.error> = {
  failure: core.error,
  warning: core.warning,
  notice: core.notice,
};

/** Pure: which annotations fit the remaining budget and which do not. */
export function splitAnnotations(
  annotations: Annotation[],
  budget: AnnotationBudget,
): { shown: Annotation[]; overflow: Annotation[] } {
  const left = { ...budget };
  const shown: Annotation[] = [];
  const overflow: Annotation[] = [];
  for (const annotation of annotations) {
    if (left[annotation.level] > 0) {
      left[annotation.level] -= 1;
      shown.push(annotation);
    } else {
      overflow.push(annotation);
    }
  }
  return { shown, overflow };
}

/** Emits what fits, spends the budget, and returns the rest. */
export function emitAnnotations(annotations: Annotation[], budget: AnnotationBudget): Annotation[] {
  const { shown, overflow } = splitAnnotations(annotations, budget);
  for (const annotation of shown) {
    budget[annotation.level] -= 1;
    COMMAND[annotation.level](annotation.message, {
      title: annotation.title,
      file: annotation.path,
      startLine: annotation.line,
    });
  }
  return overflow;
}
