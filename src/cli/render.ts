import type { Report } from '../model/report.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../report/index.js';
import type { ReportFormatName } from './options.js';

export function renderReport(report: Report, format: ReportFormatName, color: boolean): string {
  switch (format) {
    case 'text':
      return renderText(report, { color });
    case 'json':
      return renderJson(report);
    case 'markdown':
      // A file or terminal has no comment-size limit.
      return renderMarkdown(report, { maxLength: Number.MAX_SAFE_INTEGER });
    case 'sarif':
      return renderSarif(report);
  }
}

/** contracts §3: 0 passed, 1 blocked, 2 when the evaluation could not be completed. */
export function exitCodeOf(report: Report): number {
  if (report.errors.length > 0) return 2;
  return report.decision === 'passed' ? 0 : 1;
}
