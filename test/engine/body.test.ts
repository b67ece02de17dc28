import { hasContent, sectionText } from '../../src/engine/requirements/body.js';

const filled = (body: string) => {
  const section = sectionText(body, 'Rollback plan');
  return section !== null && hasContent(section);
};

describe('PR body sections', () => {
  test('a heading with content', () => {
    expect(filled('## Rollback plan\nRevert the PR.\n')).toBe(true);
    expect(filled('### ROLLBACK PLAN ###\nflip the flag\n')).toBe(true);
  });
  test('missing or empty sections', () => {
    expect(filled('## Summary\nstuff\n')).toBe(false);
    expect(filled('## Rollback plan\n\n## Testing\nran it\n')).toBe(false);
    expect(filled('## Rollback plan\n<!-- describe how to roll back -->\n')).toBe(false);
    expect(filled('## Rollback plan\nTODO\n_Describe how to roll back_\n')).toBe(false);
    expect(filled('## Rollback plan\n### Steps\n')).toBe(false);
  });
  test('a deeper heading belongs to the section, the same level ends it', () => {
    expect(filled('## Rollback plan\n### Steps\n1. revert\n## Testing\n')).toBe(true);
    expect(filled('## Rollback plan\n# Appendix\nran it\n')).toBe(false);
  });
  test('headings inside code fences are not headings', () => {
    expect(filled('## Notes\n```\n## Rollback plan\n```\n')).toBe(false);
    expect(filled('## Rollback plan\n```sh\n# revert\ngit revert abc\n```\n')).toBe(true);
  });
});
