/** Reporters: pure functions from a Report to what users read. */
export { renderText } from './text.js';
export { renderMarkdown, DEFAULT_MARKER, MAX_COMMENT_LENGTH, type MarkdownOptions } from './markdown.js';
export { renderJson } from './json.js';
export { renderSarif } from './sarif.js';
export { renderAnnotations, type Annotation, type AnnotationLevel } from './annotations.js';
