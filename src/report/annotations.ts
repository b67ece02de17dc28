/** Line annotations (check-run annotations or workflow commands): one per finding that has a line. */
import type { Risk } from '../model/risk.js';
import type { Finding, Report } from '../model/report.js';
import { findingMessage, oneLine, truncate } from './values.js';

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface Annotation {
  path: string;
  line: number;
  level: AnnotationLevel;
  title: string;
  message: string;
}

const LEVEL: Record<Risk, AnnotationLevel> = {
  none: 'notice',
  low: 'notice',
  medium: 'warning',
  high: 'failure',
  critical: 'failure',
};

/** GitHub caps an annotation title at 255 characters; messages are kept short enough to read. */
const MAX_TITLE = 255;
const MAX_MESSAGE = 4000;

export function renderAnnotations(report: Report): Annotation[] {
  return report.findings
    .filter((finding): finding is Finding & { line: number } => finding.line !== null)
    .map((finding) => ({
      path: finding.file,
      line: finding.line,
      level: LEVEL[finding.risk],
      title: truncate(oneLine(`riskgate: ${finding.risk} risk (${finding.rules.join(', ')})`), MAX_TITLE),
      message: truncate(findingMessage(finding), MAX_MESSAGE),
    }));
}
